package org.engagebot.events;

import org.engagebot.conversation.Language;
import org.jsoup.nodes.Entities;

/** A plain text as a small, accessible HTML email: escaped paragraphs, line breaks kept, the language declared. */
public final class EmailHtml {
    private EmailHtml() {
    }

    public static String of(String title, String text, Language language) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            body.append("<p>").append(Entities.escape(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
        }
        String lang = language == null ? "cy" : language.code();
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>"
                + Entities.escape(title) + "</title></head>\n<body style=\"font-family:Arial,sans-serif;font-size:16px;"
                + "line-height:1.5;max-width:40em\">\n" + body + "</body></html>\n";
    }
}
