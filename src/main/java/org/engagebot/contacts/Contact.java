package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A third-sector contact: an organisation and its contact person, with how and in which language to reach them.
 * {@code emailConfirmed} says how control of the email address was shown (imported, code, link, reply), null if never.
 * {@code sectors}: its remit or sector, values of {@link OrganisationLists#SECTORS}; the rest of its profile is
 * {@link Profile}.
 */
@Serdeable
public record Contact(long id, String organisation, String name, String email, String phone, String website,
                      String area, String description, String language, boolean subscribed, boolean emailOnHold,
                      List<String> channels, Instant createdAt, Instant updatedAt, @Nullable String emailConfirmed,
                      List<String> sectors) {

    /** The remit or sector labels ("Children and young people, Mental health"). */
    public String sectorLabels() {
        return String.join(", ", sectors.stream().map(s -> OrganisationLists.label(OrganisationLists.SECTORS, s)).toList());
    }
}
