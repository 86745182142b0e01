package org.engagebot.newsletters.render;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Wraps a body fragment in a complete, simple email: doctype, {@code lang}, {@code <title>}, a
 * centred column at most 600px wide built from presentation tables (so Outlook keeps it), all
 * styles inline, no external resources. Body and footer are sanitised again, so anything passed
 * in is safe. The text alternative is the title, the body as text and the footer after "-- ".
 */
final class EmailLayout {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", "margin:0 0 16px 0;"),
            Map.entry("a", "color:#0b5394;text-decoration:underline;"),
            Map.entry("h1", "font-size:24px;line-height:1.3;margin:24px 0 12px 0;"),
            Map.entry("h2", "font-size:20px;line-height:1.3;margin:24px 0 12px 0;"),
            Map.entry("h3", "font-size:18px;line-height:1.3;margin:20px 0 8px 0;"),
            Map.entry("blockquote", "margin:0 0 16px 0;padding:4px 16px;border-left:4px solid #cccccc;color:#333333;"),
            Map.entry("pre", "background:#f4f4f4;padding:12px;overflow-x:auto;white-space:pre-wrap;font-size:14px;"),
            Map.entry("code", "font-family:Consolas,Menlo,monospace;"),
            Map.entry("table", "border-collapse:collapse;margin:0 0 16px 0;"),
            Map.entry("th", "border:1px solid #cccccc;padding:6px 8px;text-align:left;"),
            Map.entry("td", "border:1px solid #cccccc;padding:6px 8px;"),
            Map.entry("img", "max-width:100%;height:auto;border:0;"),
            Map.entry("hr", "border:0;border-top:1px solid #cccccc;margin:24px 0;"));

    private EmailLayout() {
    }

    static EmailDocument wrap(String title, String bodyHtml, String footerHtml, String lang) {
        String body = styled(EmailHtmlSanitizer.clean(bodyHtml));
        String footer = styled(EmailHtmlSanitizer.clean(footerHtml));
        String html = "<!DOCTYPE html>\n<html lang=\"" + attr(lang) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + text(title) + "</title>\n</head>\n"
                + "<body style=\"margin:0;padding:0;background:#f4f4f4;\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
                + "<tr><td align=\"center\" style=\"padding:16px;\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "style=\"max-width:600px;background:#ffffff;\"><tr><td style=\"padding:24px;" + FONT
                + "font-size:16px;line-height:1.5;color:#1a1a1a;text-align:left;\">\n"
                + "<h1 style=\"font-size:26px;line-height:1.3;margin:0 0 16px 0;\">" + text(title) + "</h1>\n"
                + body + "\n"
                + (footer.isBlank() ? "" : "<div style=\"border-top:1px solid #cccccc;margin-top:24px;"
                        + "padding-top:16px;font-size:14px;color:#555555;\">" + footer + "</div>\n")
                + "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n";
        return new EmailDocument(html, plain(title, body, footer));
    }

    private static String plain(String title, String body, String footer) {
        String heading = title.strip() + "\n" + "=".repeat(Math.max(3, title.strip().codePointCount(0, title.strip().length())));
        String footerText = HtmlToText.convert(footer);
        return heading + "\n\n" + HtmlToText.convert(body) + (footerText.isEmpty() ? "" : "\n\n-- \n" + footerText) + "\n";
    }

    private static String styled(String cleanHtml) {
        Document document = Jsoup.parseBodyFragment(cleanHtml);
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        STYLES.forEach((tag, style) -> document.body().select(tag).forEach(element -> addStyle(element, style)));
        document.body().select("pre code").removeAttr("style").attr("style", "font-family:Consolas,Menlo,monospace;");
        return document.body().html();
    }

    private static void addStyle(Element element, String style) {
        element.attr("style", style + element.attr("style"));
    }

    private static String text(String value) {
        return Entities.escape(value == null ? "" : value);
    }

    private static String attr(String lang) {
        String value = lang == null || lang.isBlank() ? "en" : lang.strip();
        return value.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? value : "en";
    }
}
