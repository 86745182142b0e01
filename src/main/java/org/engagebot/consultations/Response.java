package org.engagebot.consultations;

import org.engagebot.channel.MailAuthentication;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Language;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One response as received. {@code respondentKey} identifies the person across channels ("contact:12", or
 * "participant:40" when they are not a known contact); a later response from the same key is version n+1.
 * {@code answers} maps question ids to the stored answer (option numbers for choices, text otherwise).
 * {@code flag} tells staff why to look twice (null when there is nothing to say); {@code authentication} is the
 * receiving mail server's verdict on an email response, when it gave one.
 */
record Response(long id, long consultationId, String respondentKey, Long inviteeId, Long contactId,
                Long participantId, String channel, String address, Language language, String name, String email,
                String telegram, String text, Map<String, String> answers, int version, Long amendsId, Long inboxId,
                String messageId, boolean late, List<String> tags, Instant receivedAt, String flag,
                MailAuthentication authentication) {

    String reference() {
        return "R-" + id;
    }

    /** Where and in which language the respondent answered: where anything about this response goes back. */
    Notifier.Recipient recipient() {
        return new Notifier.Recipient(channel, address, language);
    }
}
