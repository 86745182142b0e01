package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.channel.MailAuthentication;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response for staff; {@code answers} maps question ids to the answer as read (option labels in English).
 * {@code flag} says why to look twice (e.g. "replied to someone else's invitation"); {@code authentication} is the
 * receiving mail server's SPF/DKIM/DMARC verdict on an email response, when it wrote one.
 */
@Serdeable
public record ResponseView(long id, String reference, int version, @Nullable Long amends, String channel,
                    Respondent respondent, @Nullable String language, @Nullable String text, Map<String, String> answers,
                    Instant receivedAt, boolean late, List<String> tags, @Nullable String flag,
                    @Nullable MailAuthentication authentication) {

    @Serdeable
    public record Respondent(@Nullable String name, @Nullable String email, @Nullable String telegram) {
    }

    /**
     * The verdict in one line, e.g. "spf=pass dkim=pass dmarc=fail (mx.opcc.example)"; empty when there is none. Read
     * with {@link MailAuthentication#verified()}: otherwise the sender may have written it herself.
     */
    public String authenticationSummary() {
        if (authentication == null) {
            return "";
        }
        return "spf=" + orNone(authentication.spf()) + " dkim=" + orNone(authentication.dkim()) + " dmarc="
                + orNone(authentication.dmarc()) + (authentication.server() == null ? "" : " (" + authentication.server() + ")");
    }

    /** A verdict shown that no server named in engagebot.mail.authserv-id wrote. */
    public boolean authenticationUnverified() {
        return authentication != null && !authentication.verified();
    }

    private static String orNone(String result) {
        return result == null ? "-" : result;
    }

    static ResponseView of(Consultation c, Response r, ConsultationTexts texts) {
        Map<String, String> answers = new LinkedHashMap<>();
        r.answers().forEach((q, a) -> answers.put(q, c.question(q).map(x -> texts.display(x, a, org.engagebot.conversation.Language.EN)).orElse(a)));
        return new ResponseView(r.id(), r.reference(), r.version(), r.amendsId(), r.channel(),
                new Respondent(r.name(), r.email(), r.telegram()), r.language() == null ? null : r.language().code(),
                r.text(), answers, r.receivedAt(), r.late(), r.tags(), r.flag(), r.authentication());
    }
}
