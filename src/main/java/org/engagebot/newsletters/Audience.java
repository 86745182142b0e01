package org.engagebot.newsletters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.contacts.Reachability;

import java.util.List;
import java.util.Locale;

/**
 * Who a newsletter goes to. Each list narrows the audience; an empty or absent list does not. Values are
 * compared case-insensitively: areas as stored on the contact, languages "en"/"cy", channels
 * "email"/"telegram", tags as in the contact's comma-separated tags, sectors as in its remit or sector list.
 */
@Serdeable
public record Audience(@Nullable List<String> areas, @Nullable List<String> languages, @Nullable List<String> channels,
                       @Nullable List<String> tags, @Nullable List<String> sectors) {

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

    public boolean allowsChannel(String channel) {
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
