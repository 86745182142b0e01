package org.engagebot.newsletters.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.*;
import org.jsoup.Jsoup;

/**
 * Walks a commonmark document and writes it as lines of text; subclasses decide how inline
 * formatting, links and blocks look (Telegram HTML or plain text). Blocks are separated by a
 * blank line, list items by a line break; a soft line break is a space, as in Markdown.
 * Raw inline HTML tags are dropped (their text stays); an HTML block becomes its text.
 * Not thread-safe: use one instance per document.
 */
abstract class MarkdownTextVisitor extends AbstractVisitor {

    private StringBuilder out = new StringBuilder();

    /** Renders the whole document. */
    final String render(Node document) {
        return joinBlocks(document, "\n\n");
    }

    protected abstract String escape(String text);

    protected abstract String bold(String content);

    protected abstract String italic(String content);

    protected abstract String code(String literal);

    protected abstract String link(String content, String destination);

    protected abstract String image(String alt, String destination);

    protected abstract String codeBlock(String info, String literal);

    protected abstract String quote(String content);

    protected abstract String heading(int level, String content);

    protected abstract String thematicBreak();

    protected abstract String bullet();

    @Override public void visit(Text text) { out.append(escape(text.getLiteral())); }
    @Override public void visit(Code code) { out.append(code(code.getLiteral())); }
    @Override public void visit(Emphasis node) { out.append(italic(inner(node))); }
    @Override public void visit(StrongEmphasis node) { out.append(bold(inner(node))); }
    @Override public void visit(SoftLineBreak node) { out.append(' '); }
    @Override public void visit(HardLineBreak node) { out.append('\n'); }
    @Override public void visit(HtmlInline node) { }
    @Override public void visit(Link link) { out.append(link(inner(link), link.getDestination())); }
    @Override public void visit(Image image) { out.append(image(plainText(image), image.getDestination())); }
    @Override public void visit(Paragraph node) { out.append(inner(node)); }
    @Override public void visit(Heading node) { out.append(heading(node.getLevel(), inner(node))); }
    @Override public void visit(BlockQuote node) { out.append(quote(joinBlocks(node, "\n\n"))); }
    @Override public void visit(ThematicBreak node) { out.append(thematicBreak()); }
    @Override public void visit(IndentedCodeBlock node) { out.append(codeBlock("", trimEnd(node.getLiteral()))); }
    @Override public void visit(Document node) { out.append(joinBlocks(node, "\n\n")); }

    @Override
    public void visit(FencedCodeBlock node) {
        String info = node.getInfo() == null ? "" : node.getInfo().strip().split("\\s+")[0];
        out.append(codeBlock(info, trimEnd(node.getLiteral())));
    }

    @Override
    public void visit(HtmlBlock node) {
        out.append(escape(Jsoup.parse(node.getLiteral()).text()));
    }

    @Override
    public void visit(BulletList list) {
        writeItems(list, index -> bullet());
    }

    @Override
    public void visit(OrderedList list) {
        int first = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
        String delimiter = list.getMarkerDelimiter() == null ? "." : list.getMarkerDelimiter();
        writeItems(list, index -> (first + index) + delimiter + " ");
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock) {
            out.append(TableText.lines(block, this::inner, this::bold));
        } else {
            visitChildren(block);
        }
    }

    private void writeItems(ListBlock list, IntFunction<String> marker) {
        List<String> items = new ArrayList<>();
        int index = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), index++) {
            String prefix = marker.apply(index);
            String indent = " ".repeat(prefix.length());
            String content = joinBlocks(item, "\n");
            items.add(prefix + content.replace("\n", "\n" + indent));
        }
        out.append(String.join("\n", items));
    }

    protected final void append(String text) {
        out.append(text);
    }

    /** Renders each child block on its own and joins the non-blank ones. */
    protected final String joinBlocks(Node parent, String separator) {
        List<String> blocks = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            String block = render(child, false);
            if (!block.isBlank()) {
                blocks.add(block);
            }
        }
        return String.join(separator, blocks);
    }

    /** Renders a node's children into a string. */
    protected final String inner(Node node) {
        return render(node, true);
    }

    private String render(Node node, boolean childrenOnly) {
        StringBuilder saved = out;
        out = new StringBuilder();
        if (childrenOnly) {
            visitChildren(node);
        } else {
            node.accept(this);
        }
        String result = out.toString();
        out = saved;
        return result;
    }

    /** The text of a node's descendants with no formatting, e.g. an image's alt text. */
    protected static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override public void visit(Text t) { text.append(t.getLiteral()); }
            @Override public void visit(Code c) { text.append(c.getLiteral()); }
            @Override public void visit(SoftLineBreak b) { text.append(' '); }
        });
        return text.toString();
    }

    /** True for destinations safe to link to: http, https, mailto and tg. */
    protected static boolean isSafeUrl(String destination) {
        String url = destination == null ? "" : destination.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                || url.startsWith("tg://");
    }

    private static String trimEnd(String literal) {
        return literal.replaceFirst("\\n+$", "");
    }
}
