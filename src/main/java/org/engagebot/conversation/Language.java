package org.engagebot.conversation;

import java.util.Locale;
import java.util.Optional;

/** The two languages every participant-facing text exists in. */
public enum Language {
    EN, CY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "en", "english", "saesneg", "eng" -> Optional.of(EN);
            case "cy", "welsh", "cymraeg", "cym" -> Optional.of(CY);
            default -> Optional.empty();
        };
    }
}
