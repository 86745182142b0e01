package org.engagebot.conversation;

/** What a participant sent, as the engine sees it, whatever the channel. */
public sealed interface Input {

    /** Free text typed by the participant. */
    record Typed(String text) implements Input {
    }

    /** A button or choice picked (a Telegram callback); the value is one the engine offered. */
    record Picked(String value) implements Input {
    }

    /** A slash command such as /register, with what followed it. */
    record Command(String name, String argument) implements Input {
    }

    /** Something the engine cannot read as an answer: a sticker, photo, voice note, or an empty message. */
    record Unsupported(String kind) implements Input {
    }

    /** Parses typed text, recognising commands ("/visit status", "/start@MyBot"). */
    static Input fromText(String text) {
        if (text == null || text.isBlank()) {
            return new Unsupported("empty");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("/") && trimmed.length() > 1 && Character.isLetter(trimmed.charAt(1))) {
            int space = trimmed.indexOf(' ');
            String name = space < 0 ? trimmed.substring(1) : trimmed.substring(1, space);
            int at = name.indexOf('@');
            if (at > 0) {
                name = name.substring(0, at);
            }
            String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
            return new Command(name.toLowerCase(java.util.Locale.ROOT), argument);
        }
        return new Typed(trimmed);
    }
}
