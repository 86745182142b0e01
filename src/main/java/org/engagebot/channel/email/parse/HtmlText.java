package org.engagebot.channel.email.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders HTML as plain text, keeping line breaks, paragraphs and list items; a blockquote's lines start with
 * "> " per level, as mail clients write them in plain text, so an HTML-only reply's quoted history reads as quoted.
 */
final class HtmlText {

    private static final java.util.Set<String> PARAGRAPHS = java.util.Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "hr");
    private static final java.util.Set<String> LINES = java.util.Set.of(
            "div", "tr", "ul", "ol", "section", "article", "header", "footer", "dt", "dd");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Renderer(out), document.body());
        return out.toString()
                .replaceAll("[ \\t\\u00a0]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static final class Renderer implements NodeVisitor {

        private final StringBuilder out;
        private int quoteDepth;

        Renderer(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText().replaceAll("\\s+", " ");
                boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
                if (lineStart) {
                    value = value.stripLeading();
                }
                if (lineStart && quoteDepth > 0 && !value.isEmpty()) {
                    out.append("> ".repeat(quoteDepth));
                }
                out.append(value);
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("li")) {
                    newLine();
                    out.append("- ");
                } else if (PARAGRAPHS.contains(tag)) {
                    paragraph();
                } else if (LINES.contains(tag)) {
                    newLine();
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote")) {
                    quoteDepth--;
                }
                if (PARAGRAPHS.contains(tag)) {
                    paragraph();
                } else if (LINES.contains(tag) || tag.equals("li")) {
                    newLine();
                }
            }
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void paragraph() {
            newLine();
            if (out.length() >= 2 && out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }
    }
}
