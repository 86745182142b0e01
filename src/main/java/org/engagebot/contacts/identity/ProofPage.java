package org.engagebot.contacts.identity;

import org.engagebot.conversation.Text;
import org.jsoup.nodes.Entities;

/** A plain, accessible public page in Welsh then English (no scripts; the service's security headers apply). */
final class ProofPage {
    private ProofPage() {
    }

    static String render(Text title, Text text, String extraHtml) {
        return "<!DOCTYPE html>\n<html lang=\"cy\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + esc(title.label(null)) + "</title>\n<style>"
                + "body{font-family:Arial,Helvetica,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;"
                + "max-width:40rem;margin:0 auto;padding:1rem;}button:focus{outline:3px solid #ffbf47;}"
                + "button{font-size:1.125rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;cursor:pointer;}"
                + "</style>\n</head>\n<body>\n<main>\n<h1>" + esc(title.label(null)) + "</h1>\n"
                + "<p lang=\"cy\">" + esc(text.cy()) + "</p>\n<p lang=\"en\">" + esc(text.en()) + "</p>\n"
                + extraHtml + "\n</main>\n</body>\n</html>\n";
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
