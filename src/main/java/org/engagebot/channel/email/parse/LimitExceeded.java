package org.engagebot.channel.email.parse;

import org.apache.james.mime4j.MimeException;

/** Raised inside parsing to stop at the first broken limit; carries the quarantine reason. */
final class LimitExceeded extends MimeException {

    LimitExceeded(String reason) {
        super(reason);
    }
}
