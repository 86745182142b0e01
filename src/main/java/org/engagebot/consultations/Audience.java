package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Who is invited: contacts matching every list that is given; an absent or empty list matches everyone. */
@Serdeable
public record Audience(@Nullable List<String> areas, @Nullable List<String> languages, @Nullable List<String> channels,
                       @Nullable List<String> tags) {
    public static final Audience EVERYONE = new Audience(null, null, null, null);

    static boolean matches(List<String> wanted, String value) {
        return wanted == null || wanted.isEmpty()
                || (value != null && wanted.stream().anyMatch(w -> w.equalsIgnoreCase(value.strip())));
    }

    /** Whether a contact's areas (one, or several comma-separated: "conwy,gwynedd") include a wanted one. */
    static boolean matchesAreas(List<String> wanted, String areas) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        if (areas == null) {
            return false;
        }
        for (String a : areas.split(",")) {
            if (matches(wanted, a)) {
                return true;
            }
        }
        return false;
    }

    boolean allowsChannel(String channel) {
        return matches(channels, channel);
    }

    boolean matchesTags(String contactTags) {
        if (tags == null || tags.isEmpty()) {
            return true;
        }
        if (contactTags == null) {
            return false;
        }
        for (String t : contactTags.split("[,;]")) {
            if (matches(tags, t)) {
                return true;
            }
        }
        return false;
    }
}
