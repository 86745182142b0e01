package org.engagebot.newsletters.render;

/**
 * Writes Markdown as readable plain text for the text part of an email: links as
 * "text (url)", images as "alt (url)", headings underlined, quotes prefixed with "> ", code blocks
 * indented by four spaces, lists as "- " and "1. " lines.
 */
final class PlainTextMarkdownVisitor extends MarkdownTextVisitor {

    @Override
    protected String escape(String text) {
        return text;
    }

    @Override
    protected String bold(String content) {
        return content;
    }

    @Override
    protected String italic(String content) {
        return content;
    }

    @Override
    protected String code(String literal) {
        return literal;
    }

    @Override
    protected String link(String content, String destination) {
        String url = destination == null ? "" : destination.strip();
        if (!isSafeUrl(url) || content.equals(url) || url.equals("mailto:" + content)) {
            return content;
        }
        return content.isBlank() ? url : content + " (" + url + ")";
    }

    @Override
    protected String image(String alt, String destination) {
        return link(alt, destination);
    }

    @Override
    protected String codeBlock(String info, String literal) {
        return "    " + literal.replace("\n", "\n    ");
    }

    @Override
    protected String quote(String content) {
        return "> " + content.replace("\n", "\n> ").replace("> \n", ">\n");
    }

    @Override
    protected String heading(int level, String content) {
        if (level > 2) {
            return content;
        }
        int width = content.codePointCount(0, content.length());
        return content + "\n" + (level == 1 ? "=" : "-").repeat(Math.max(3, width));
    }

    @Override
    protected String thematicBreak() {
        return "----";
    }

    @Override
    protected String bullet() {
        return "- ";
    }
}
