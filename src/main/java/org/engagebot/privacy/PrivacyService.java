package org.engagebot.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;
import org.engagebot.staff.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The privacy feature's public face for channels and staff: a person's own data (access, Art. 15) and their
 * erasure (Art. 17). Every method joins the caller's transaction (chat: the inbound one); callers outside one
 * wrap erasure in {@code Transactions.write}. Nothing here logs personal data: ids and counts only.
 */
@Singleton
public class PrivacyService {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PersonFinder finder;
    private final DataExport export;
    private final ExportLinks links;
    private final MyDataSummary summary;
    private final Eraser eraser;
    private final ErasureNotice notice;
    private final AuditLog audit;
    private final String publicUrl;

    PrivacyService(PersonFinder finder, DataExport export, ExportLinks links, MyDataSummary summary, Eraser eraser,
                   ErasureNotice notice, AuditLog audit, @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.finder = finder;
        this.export = export;
        this.links = links;
        this.summary = summary;
        this.eraser = eraser;
        this.notice = notice;
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

    public Erasure erase(Participant participant) {
        return erase(finder.of(participant), "participant:" + participant.id(), "self, " + participant.channel());
    }

    /** Staff erasure of a contact, audited; empty when there is no such contact. */
    public Optional<Erasure> eraseContact(long contactId, String actor) {
        return finder.ofContact(contactId).map(person -> erase(person, actor, "staff"));
    }

    private Erasure erase(Person person, String actor, String how) {
        Eraser.Counts counts = eraser.erase(person);
        String subject = subject(person);
        audit.record(actor, "privacy.erase", subject, how + ", " + counts.describe());
        notice.tellStaff(subject, how);
        LOG.info("Erased {} ({}): {}", subject, how, counts.describe());
        return new Erasure(person.registered(), counts.describe());
    }

    private static String subject(Person person) {
        return person.registered() ? "contact:" + person.contactId()
                : "participant:" + person.participantIds().stream().findFirst().orElse(0L);
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export not serialisable", e);
        }
    }
}
