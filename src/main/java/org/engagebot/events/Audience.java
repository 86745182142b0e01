package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/** {areas?, languages?, channels?, tags?}: each list given narrows; absent or empty means everyone. */
@Serdeable
public record Audience(@Nullable List<String> areas, @Nullable List<String> languages,
                       @Nullable List<String> channels, @Nullable List<String> tags) {
    public static final Audience EVERYONE = new Audience(List.of(), List.of(), List.of(), List.of());

    public Audience {
        areas = clean(areas);
        languages = clean(languages);
        channels = clean(channels);
        tags = clean(tags);
    }

    boolean allows(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}

