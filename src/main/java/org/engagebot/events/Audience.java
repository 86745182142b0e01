package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.contacts.Reachability;

import java.util.List;
import java.util.Locale;

/**
 * {areas?, languages?, channels?, tags?, sectors?}: each list given narrows; absent or empty means everyone. Sectors
 * are values of contacts' remit or sector list. Who that is, is contacts' {@link Reachability}.
 */
@Serdeable
public record Audience(@Nullable List<String> areas, @Nullable List<String> languages,
                       @Nullable List<String> channels, @Nullable List<String> tags, @Nullable List<String> sectors) {
    public static final Audience EVERYONE = new Audience(List.of(), List.of(), List.of(), List.of(), List.of());

    public Audience {
        areas = clean(areas);
        languages = clean(languages);
        channels = clean(channels);
        tags = clean(tags);
        sectors = clean(sectors);
    }

    public Audience(List<String> areas, List<String> languages, List<String> channels, List<String> tags) {
        this(areas, languages, channels, tags, List.of());
    }

    boolean allows(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** The reachability filter this audience asks for. */
    public Reachability.Filter filter() {
        return new Reachability.Filter(areas, sectors, tags, languages, channels);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
