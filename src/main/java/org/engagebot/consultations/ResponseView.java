package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response for staff; {@code answers} maps question ids to the answer as read (option labels in English). */
@Serdeable
public record ResponseView(long id, String reference, int version, @Nullable Long amends, String channel,
                    Respondent respondent, @Nullable String language, @Nullable String text, Map<String, String> answers,
                    Instant receivedAt, boolean late, List<String> tags) {

    @Serdeable
    public record Respondent(@Nullable String name, @Nullable String email, @Nullable String telegram) {
    }

    static ResponseView of(Consultation c, Response r, ConsultationTexts texts) {
        Map<String, String> answers = new LinkedHashMap<>();
        r.answers().forEach((q, a) -> answers.put(q, c.question(q).map(x -> texts.display(x, a, org.engagebot.conversation.Language.EN)).orElse(a)));
        return new ResponseView(r.id(), r.reference(), r.version(), r.amendsId(), r.channel(),
                new Respondent(r.name(), r.email(), r.telegram()), r.language() == null ? null : r.language().code(),
                r.text(), answers, r.receivedAt(), r.late(), r.tags());
    }
}
