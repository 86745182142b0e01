package org.engagebot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a message into {@link MessageToken}s. In HTML mode a {@code <} that starts a well-formed tag
 * and a {@code &} that starts a well-formed entity are single tokens; anything else is literal text,
 * one token per code point, so a surrogate pair is never divided.
 */
final class MessageTokenizer {

    private static final Pattern TAG = Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>");
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));");
    private static final Map<String, Integer> NAMED = Map.of("lt", (int) '<', "gt", (int) '>',
            "amp", (int) '&', "quot", (int) '"', "apos", (int) '\'', "nbsp", 0xA0);

    private MessageTokenizer() {
    }

    static List<MessageToken> plain(String text) {
        List<MessageToken> tokens = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> tokens.add(MessageToken.text(Character.toString(cp), cp)));
        return tokens;
    }

    static List<MessageToken> html(String html) {
        List<MessageToken> tokens = new ArrayList<>(html.length());
        Matcher tag = TAG.matcher(html);
        Matcher entity = ENTITY.matcher(html);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<' && tag.region(i, html.length()).lookingAt()) {
                MessageToken.Kind kind = tag.group(1).isEmpty() ? MessageToken.Kind.OPEN : MessageToken.Kind.CLOSE;
                tokens.add(MessageToken.tag(kind, tag.group(), tag.group(2).toLowerCase(Locale.ROOT)));
                i = tag.end();
            } else if (c == '&' && entity.region(i, html.length()).lookingAt() && decode(entity) >= 0) {
                tokens.add(MessageToken.text(entity.group(), decode(entity)));
                i = entity.end();
            } else {
                int cp = html.codePointAt(i);
                tokens.add(MessageToken.text(Character.toString(cp), cp));
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** The code point an entity stands for; an unknown name counts as one character; -1 if invalid. */
    private static int decode(Matcher entity) {
        String decimal = entity.group(1);
        String hex = entity.group(2);
        int cp = decimal != null ? Integer.parseInt(decimal) : hex != null ? Integer.parseInt(hex, 16) : -2;
        if (cp == -2) {
            return NAMED.getOrDefault(entity.group(3).toLowerCase(Locale.ROOT), (int) '?');
        }
        return Character.isValidCodePoint(cp) && !Character.isSurrogate((char) Math.min(cp, 0xFFFF)) ? cp : -1;
    }
}
