package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What staff enter for an organisation: the organisation, its primary person, what it works on and where, and how
 * it came to the office. Blank texts are null after {@link Profiles#check}; areas and sectors are stored values.
 */
public record ProfileForm(@Nullable String organisation, @Nullable String name, @Nullable String role,
                          @Nullable String email, @Nullable String phone, @Nullable String website,
                          @Nullable String description, List<String> areas, List<String> sectors, @Nullable String type,
                          @Nullable String source, @Nullable String cvc, @Nullable String language,
                          @Nullable String tags) {
    public ProfileForm {
        areas = areas == null ? List.of() : List.copyOf(areas);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }

    /** The form filled in from a profile, for editing it. */
    public static ProfileForm of(Profile p) {
        Contact c = p.contact();
        return new ProfileForm(c.organisation(), c.name(), p.role(), c.email(), c.phone(), c.website(), c.description(),
                p.areas(), p.sectors(), p.type(), p.source(), p.cvc(), c.language(), p.tags());
    }

    /** Contact person fields (one more person for an organisation). */
    @io.micronaut.serde.annotation.Serdeable
    public record PersonForm(@Nullable String name, @Nullable String role, @Nullable String email,
                             @Nullable String phone) {
    }
}
