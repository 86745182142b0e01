package org.engagebot.consultations;

import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * One question of a consultation. {@code id} is "q1".."qN" in order; {@code type} is text, choice, multi or
 * scale; options (choice, multi) are answered by their number as a string ("1".."n"), a scale by "1".."5".
 */
@Serdeable
public record Question(String id, Text text, String type, List<Text> options) {
    public static final List<String> TYPES = List.of("text", "choice", "multi", "scale");
    public static final int SCALE = 5;

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean hasOptions() {
        return type.equals("choice") || type.equals("multi") || type.equals("scale");
    }
}
