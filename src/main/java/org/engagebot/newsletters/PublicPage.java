package org.engagebot.newsletters;

import org.jsoup.nodes.Entities;

/** A plain, accessible HTML page for the public side (readable text size, one column, visible focus, no scripts). */
final class PublicPage {
    private PublicPage() {
    }

    static String render(String lang, String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>"
                + "body{font-family:Arial,Helvetica,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;"
                + "max-width:40rem;margin:0 auto;padding:1rem;}a{color:#0b5394;}a:focus,button:focus{outline:3px solid #ffbf47;}"
                + "button{font-size:1.125rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;cursor:pointer;}"
                + "img{max-width:100%;height:auto;}table{border-collapse:collapse;}td,th{border:1px solid #ccc;padding:.3rem;}"
                + "</style>\n</head>\n<body>\n<main>\n" + bodyHtml + "\n</main>\n</body>\n</html>\n";
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
