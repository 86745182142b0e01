package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The verdict the receiving mail server wrote in its Authentication-Results header (RFC 8601): each of spf, dkim
 * and dmarc is the server's result word ("pass", "fail", "softfail", "none", …), null when it did not check.
 * Shown to staff beside the raw email; never enough on its own to treat a sender as the owner of an address.
 *
 * @param server the authserv-id: which server judged
 */
@Serdeable
public record MailAuthentication(@Nullable String server, @Nullable String spf, @Nullable String dkim,
                                 @Nullable String dmarc) {
}
