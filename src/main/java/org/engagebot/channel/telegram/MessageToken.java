package org.engagebot.channel.telegram;

/**
 * One indivisible unit of a message being split: an opening tag, a closing tag, or a piece of
 * text that counts as characters (a whole code point, or a whole HTML entity).
 *
 * @param raw       the exact source text of the unit
 * @param tagName   lower-case tag name for tags, empty for text
 * @param weight    UTF-16 code units the unit adds to the message after entity parsing (0 for tags)
 * @param codePoint the decoded code point for text (what an entity stands for), -1 for tags
 */
record MessageToken(Kind kind, String raw, String tagName, int weight, int codePoint) {

    enum Kind { TEXT, OPEN, CLOSE }

    static MessageToken text(String raw, int codePoint) {
        return new MessageToken(Kind.TEXT, raw, "", Character.charCount(codePoint), codePoint);
    }

    static MessageToken tag(Kind kind, String raw, String tagName) {
        return new MessageToken(kind, raw, tagName, 0, -1);
    }

    boolean isText() {
        return kind == Kind.TEXT;
    }

    boolean isWhitespace() {
        return isText() && Character.isWhitespace(codePoint);
    }

    boolean isNewline() {
        return isText() && codePoint == '\n';
    }

    /** True for code points that belong to the preceding character (combining marks, joiners, selectors). */
    boolean attachesToPrevious() {
        if (!isText()) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || codePoint == 0x200D
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
    }
}
