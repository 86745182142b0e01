package org.engagebot.newsletters.render;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Link;

/**
 * Writes Markdown in Telegram's HTML subset: headings as a bold line, emphasis as {@code <i>},
 * strong as {@code <b>}, code, {@code <pre>} blocks with their language, links (only safe
 * schemes; otherwise just the text), images as a link named by the alt text, block quotes as one
 * {@code <blockquote>} (Telegram does not nest them; nor links, so a link inside a
 * link keeps only its text), lists as "• " and "1. " lines. All text is
 * escaped. (Escaping is local rather than borrowed from the Telegram channel: features must not
 * depend on a channel.)
 */
final class TelegramMarkdownVisitor extends MarkdownTextVisitor {

    private int quoteDepth;
    private int linkDepth;

    @Override
    protected String escape(String text) {
        return escapeHtml(text);
    }

    @Override
    protected String bold(String content) {
        return "<b>" + content + "</b>";
    }

    @Override
    protected String italic(String content) {
        return "<i>" + content + "</i>";
    }

    @Override
    protected String code(String literal) {
        return "<code>" + escapeHtml(literal) + "</code>";
    }

    @Override
    protected String link(String content, String destination) {
        if (!isSafeUrl(destination) || linkDepth > 0) {
            return content;
        }
        String text = content.isBlank() ? escapeHtml(destination.strip()) : content;
        return "<a href=\"" + escapeHtml(destination.strip()) + "\">" + text + "</a>";
    }

    @Override
    protected String image(String alt, String destination) {
        String name = alt.isBlank() ? destination : alt;
        return link(escapeHtml(name), destination);
    }

    @Override
    protected String codeBlock(String info, String literal) {
        String body = escapeHtml(literal);
        if (info.isEmpty()) {
            return "<pre>" + body + "</pre>";
        }
        return "<pre><code class=\"language-" + escapeHtml(info) + "\">" + body + "</code></pre>";
    }

    @Override
    public void visit(Link node) {
        linkDepth++;
        String content = inner(node);
        linkDepth--;
        append(link(content, node.getDestination()));
    }

    @Override
    public void visit(BlockQuote node) {
        quoteDepth++;
        super.visit(node);
        quoteDepth--;
    }

    @Override
    protected String quote(String content) {
        return quoteDepth > 1 ? content : "<blockquote>" + content + "</blockquote>";
    }

    @Override
    protected String heading(int level, String content) {
        return bold(content);
    }

    @Override
    protected String thematicBreak() {
        return "———";
    }

    @Override
    protected String bullet() {
        return "• ";
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
