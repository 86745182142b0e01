package org.engagebot.newsletters.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Cleans an HTML fragment for an email body: jsoup's relaxed safelist without scripts, styles,
 * event handlers or forms; links only to http, https and mailto (and opened with
 * {@code rel="noopener noreferrer"}); images only from http and https. Characters such as ŵ and ŷ
 * are written as UTF-8, not as entities.
 */
final class EmailHtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes(":all", "lang", "dir")
            .addTags("hr", "del", "s")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(Entities.EscapeMode.base);

    private EmailHtmlSanitizer() {
    }

    static String clean(String html) {
        return Jsoup.clean(html == null ? "" : html, "", SAFELIST, OUTPUT);
    }
}
