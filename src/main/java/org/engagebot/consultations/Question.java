package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * One question of a consultation. {@code id} is "q1".."qN" in order; {@code type} is text, choice, multi or
 * scale; options (choice, multi) are answered by their number as a string ("1".."n"), a scale by "1".."5".
 * {@code labels} are a scale's own words for its points 1..5 ("Very unsafe" … "Very safe"); empty means the
 * default disagree … agree (questions stored before labels existed have none).
 */
@Serdeable
public record Question(String id, Text text, String type, List<Text> options, @Nullable List<Text> labels) {
    public static final List<String> TYPES = List.of("text", "choice", "multi", "scale");
    public static final int SCALE = 5;

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public Question(String id, Text text, String type, List<Text> options) {
        this(id, text, type, options, List.of());
    }

    public boolean hasOptions() {
        return type.equals("choice") || type.equals("multi") || type.equals("scale");
    }

    /** A scale with its own point labels rather than agree/disagree. */
    public boolean labelled() {
        return type.equals("scale") && !labels.isEmpty();
    }
}
