package org.engagebot.conversation;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/**
 * A text a participant reads, in English and Welsh. Where the participant's language is unknown both are
 * shown, Welsh first (Welsh Language Standard 5).
 */
@Serdeable
public record Text(String en, String cy) {

    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(cy, "cy");
    }

    public static Text of(String en, String cy) {
        return new Text(en, cy);
    }

    /** The text in the given language, or both when the language is not known (null). */
    public String in(Language language) {
        if (language == null) {
            return cy.equals(en) ? en : cy + "\n\n" + en;
        }
        return language == Language.CY ? cy : en;
    }

    /** For labels shown side by side when the language is unknown (e.g. a button). */
    public String label(Language language) {
        if (language == null) {
            return cy.equals(en) ? en : cy + " / " + en;
        }
        return in(language);
    }

    public Text format(Object... args) {
        return new Text(String.format(en, args), String.format(cy, args));
    }

    public Text append(Text other, String separator) {
        return new Text(en + separator + other.en, cy + separator + other.cy);
    }
}
