package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One valid row of a contacts CSV, cleaned: email lower-cased, phone in E.164, area as its stored value, language
 * en/cy. A null field was absent or empty and leaves an existing contact's value alone; {@code subscribed} null
 * means "not said".
 */
@Serdeable
public record ImportRow(int line, @Nullable String organisation, @Nullable String name, String email,
                        @Nullable String phone, @Nullable String area, @Nullable String language,
                        @Nullable String telegram, @Nullable Boolean subscribed, Extra extra) {

    /** The profile columns; null fields were absent or empty. {@code sectors} is stored form ("youth,housing"). */
    @Serdeable
    public record Extra(@Nullable String role, @Nullable String sectors, @Nullable String type, @Nullable String source,
                        @Nullable String cvc, @Nullable String website, @Nullable String description,
                        ProfileForm.@Nullable PersonForm second) {
    }

    /** A short description of the second contact person, for the preview. */
    public String secondContact() {
        ProfileForm.PersonForm p = extra.second();
        return p == null ? null : String.join(" ", java.util.stream.Stream.of(p.name(), p.email(), p.phone())
                .filter(java.util.Objects::nonNull).toList());
    }
}
