package org.engagebot.newsletters.render;

import jakarta.inject.Singleton;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a newsletter's Markdown for each channel: a sanitised HTML fragment for email, Telegram's
 * HTML subset, and plain text for the text part of an email. GitHub tables and bare URLs are
 * understood. Stateless and thread-safe.
 */
@Singleton
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

    /** An HTML fragment for an email body; scripts, event handlers and unsafe links removed. */
    public String toEmailHtml(String markdown) {
        return EmailHtmlSanitizer.clean(html.render(parse(markdown)));
    }

    /** Telegram HTML (parse mode HTML); may be longer than one message: split with TelegramText. */
    public String toTelegramHtml(String markdown) {
        return new TelegramMarkdownVisitor().render(parse(markdown));
    }

    /** Readable plain text, links written as "text (url)". */
    public String toPlainText(String markdown) {
        return new PlainTextMarkdownVisitor().render(parse(markdown));
    }

    /**
     * A complete HTML email and its text alternative.
     *
     * @param bodyHtml   usually {@link #toEmailHtml}; sanitised again
     * @param footerHtml e.g. why the reader gets this and how to unsubscribe; may be empty
     * @param lang       BCP 47 language of the email, e.g. "cy" or "en"
     */
    public EmailDocument wrapEmail(String title, String bodyHtml, String footerHtml, String lang) {
        return EmailLayout.wrap(title == null ? "" : title, bodyHtml, footerHtml, lang);
    }

    private Node parse(String markdown) {
        return parser.parse(markdown == null ? "" : markdown);
    }
}
