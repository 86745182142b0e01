package org.engagebot.channel.email.parse;

import java.util.Objects;

/** What became of one raw message: parsed, or set aside with a reason a person can read. */
public sealed interface ParseOutcome {

    record Parsed(ParsedMail mail) implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(mail, "mail");
        }
    }

    /** The message was kept aside unparsed; {@code reason} never contains message content. */
    record Quarantined(String reason) implements ParseOutcome {
        public Quarantined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
