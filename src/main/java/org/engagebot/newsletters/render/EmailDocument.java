package org.engagebot.newsletters.render;

/**
 * A complete email body in two alternatives.
 *
 * @param html a whole HTML document (doctype, lang, title, inline styles, no external resources)
 * @param text the plain-text alternative with the same content
 */
public record EmailDocument(String html, String text) {
}
