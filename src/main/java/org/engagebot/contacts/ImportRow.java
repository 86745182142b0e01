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
                        @Nullable String telegram, @Nullable Boolean subscribed) {
}
