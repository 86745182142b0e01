package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.contacts.Reachability;

import java.util.List;

/**
 * Who is invited: contacts matching every list that is given; an absent or empty list matches everyone. Sectors are
 * values of contacts' remit or sector list (OrganisationLists). Who that is, is contacts' {@link Reachability}.
 */
@Serdeable
public record Audience(@Nullable List<String> areas, @Nullable List<String> languages, @Nullable List<String> channels,
                       @Nullable List<String> tags, @Nullable List<String> sectors) {
    public static final Audience EVERYONE = new Audience(null, null, null, null, null);

    public Audience(List<String> areas, List<String> languages, List<String> channels, List<String> tags) {
        this(areas, languages, channels, tags, null);
    }

    /** The reachability filter this audience asks for. */
    public Reachability.Filter filter() {
        return new Reachability.Filter(areas, sectors, tags, languages, channels);
    }
}
