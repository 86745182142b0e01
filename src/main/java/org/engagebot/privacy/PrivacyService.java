package org.engagebot.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The privacy feature's public face for channels and staff: a person's own data (access, Art. 15) and their
 * erasure (Art. 17). Exports join the caller's transaction (chat: the inbound one). An erasure is recorded in the
 * caller's transaction and carried out once it commits, in chunks ({@link Erasures}); staff erasure runs to the end
 * before it returns. Nothing here logs personal data: ids and counts only.
 */
@Singleton
public class PrivacyService {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PersonFinder finder;
    private final DataExport export;
    private final ExportLinks links;
    private final MyDataSummary summary;
    private final Erasures erasures;
    private final Transactions tx;
    private final AuditLog audit;
    private final String publicUrl;

    PrivacyService(PersonFinder finder, DataExport export, ExportLinks links, MyDataSummary summary, Erasures erasures,
                   Transactions tx, AuditLog audit, @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.finder = finder;
        this.export = export;
        this.links = links;
        this.summary = summary;
        this.erasures = erasures;
        this.tx = tx;
        this.audit = audit;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What a person gets when they ask for their data: a readable summary, a 24-hour link, and the JSON itself. */
    public record Export(Text summary, String downloadUrl, String json) {
    }

    /** What an erasure did: whether the person was registered, and counts for the log and audit trail. */
    public record Erasure(boolean wasRegistered, String counts) {
    }

    public Export exportFor(Participant participant) {
        Person person = finder.of(participant);
        Map<String, Object> data = export.of(person);
        String url = publicUrl + "/public/mydata/" + links.issue(participant.id(), person.contactId());
        audit.record("participant:" + participant.id(), "privacy.export", subject(person), "self, " + participant.channel());
        return new Export(summary.of(data, url), url, json(data));
    }

    /** The export a download link stands for, while it is valid; built fresh from what is held now. */
    Optional<String> exportForLink(String token) {
        return links.redeem(token).flatMap(h -> finder.byParticipantId(h.participantId())).map(p -> {
            Person person = finder.of(p);
            audit.record("participant:" + p.id(), "privacy.export.download", subject(person), null);
            return json(export.of(person));
        });
    }

    /** The staff export of a contact, audited; empty when there is no such contact. */
    public Optional<String> exportContact(long contactId, String actor) {
        return finder.ofContact(contactId).map(person -> {
            audit.record(actor, "privacy.export", subject(person), "staff");
            return json(export.of(person));
        });
    }

    /** Erases the person once the caller's transaction commits (the counts are then logged and audited). */
    public Erasure erase(Participant participant) {
        Person person = finder.of(participant);
        erasures.request(person, new Erasures.Request("participant:" + participant.id(), "self, " + participant.channel(),
                null, null));
        return new Erasure(person.registered(), "after commit");
    }

    /** As {@link #erase(Participant)}, then tells them on their channel: {@code done} or {@code notRegistered}. */
    Erasure eraseWithGoodbye(Participant participant, String done, String notRegistered) {
        Person person = finder.of(participant);
        erasures.request(person, new Erasures.Request("participant:" + participant.id(), "self, " + participant.channel(),
                participant.id(), person.registered() ? done : notRegistered));
        return new Erasure(person.registered(), "after commit");
    }

    /** Staff erasure of a contact, audited, run to the end; empty when there is no such contact. Call outside a transaction. */
    public Optional<Erasure> eraseContact(long contactId, String actor) {
        return finder.ofContact(contactId).map(person -> {
            long id = tx.write(() -> erasures.record(person, new Erasures.Request(actor, "staff", null, null)));
            String counts = erasures.complete(id).map(Eraser.Counts::describe).orElse("finished by another run");
            return new Erasure(true, counts);
        });
    }

    private static String subject(Person person) {
        return Erasures.subject(person);
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export not serialisable", e);
        }
    }
}
