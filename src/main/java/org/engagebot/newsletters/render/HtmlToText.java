package org.engagebot.newsletters.render;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML fragment into readable plain text: block elements on their own lines with a blank
 * line between paragraphs, list items as "- ", {@code <br>} as a line break, links as
 * "text (url)", images as their alt text. Whitespace inside text is collapsed except in
 * {@code <pre>}.
 */
final class HtmlToText implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "table", "blockquote", "pre", "hr", "section", "article", "header", "footer");

    private final StringBuilder out = new StringBuilder();

    private HtmlToText() {
    }

    static String convert(String html) {
        HtmlToText visitor = new HtmlToText();
        NodeTraversor.traverse(visitor, Jsoup.parseBodyFragment(html == null ? "" : html).body());
        return visitor.out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            boolean pre = insidePre(text);
            String value = pre ? text.getWholeText() : text.text();
            if (!pre && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
                value = value.stripLeading();
            }
            out.append(value);
        } else if (node instanceof Element element) {
            String name = element.normalName();
            if (BLOCKS.contains(name)) {
                out.append(name.equals("hr") ? "\n\n----" : "\n\n");
            } else if (name.equals("br") || name.equals("tr")) {
                out.append('\n');
            } else if (name.equals("li")) {
                out.append("\n- ");
            } else if (name.equals("img")) {
                out.append(element.attr("alt"));
            } else if ((name.equals("td") || name.equals("th")) && element.elementSiblingIndex() > 0) {
                out.append(" | ");
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            String name = element.normalName();
            if (BLOCKS.contains(name)) {
                out.append("\n\n");
            } else if (name.equals("a") && element.hasAttr("href")) {
                String href = element.attr("href");
                String text = element.text();
                if (!href.equals(text) && !href.equals("mailto:" + text)) {
                    out.append(" (").append(href).append(')');
                }
            }
        }
    }

    private static boolean insidePre(Node node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
