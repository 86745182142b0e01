package org.engagebot.conversation;

import java.util.List;

/**
 * One option of a choice step: a stable value stored as the answer, its bilingual label, and other names
 * people give it (aliases: short forms, other spellings, "Wrexham County Borough", "I'll come", "dof" for yes),
 * matched like the label.
 */
public record Option(String value, Text label, List<String> aliases) {

    public Option {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Option(String value, Text label) {
        this(value, label, List.of());
    }
}
