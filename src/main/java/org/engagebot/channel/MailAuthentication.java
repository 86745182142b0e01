package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The verdict the receiving mail server wrote in its Authentication-Results header (RFC 8601): each of spf, dkim
 * and dmarc is the server's result word ("pass", "fail", "softfail", "none", …), null when it did not check.
 * Shown to staff beside the raw email; never enough on its own to treat a sender as the owner of an address.
 *
 * @param server   the authserv-id: which server judged
 * @param verified true only when that server is one named in engagebot.mail.authserv-id; otherwise the header is
 *                 just the topmost one, which the sender may have written herself
 */
@Serdeable
public record MailAuthentication(@Nullable String server, @Nullable String spf, @Nullable String dkim,
                                 @Nullable String dmarc, boolean verified) {

    /** A verdict as read from a header, not yet known to come from one of the office's servers. */
    public MailAuthentication(@Nullable String server, @Nullable String spf, @Nullable String dkim, @Nullable String dmarc) {
        this(server, spf, dkim, dmarc, false);
    }

    public MailAuthentication asVerified() {
        return new MailAuthentication(server, spf, dkim, dmarc, true);
    }
}
