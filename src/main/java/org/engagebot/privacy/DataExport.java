package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.DataSubject;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything held about one person (UK GDPR Art. 15), as a JSON-ready tree: contact, linked channels, consent
 * history, sessions, messages both ways, their audit trail, and every other owner's rows about them ("other", by
 * table). Each owner of personal data hands over its own rows ({@link DataExportParticipant}); nothing here reads
 * another owner's tables or the schema.
 */
@Singleton
class DataExport {
    /**
     * Privacy's own tables hold no more than the request in hand: hashed download links and pending erasures (ids
     * only), and goodbyes waiting to be scrubbed.
     */
    static final Set<String> OWN_TABLES = Set.of("privacy_export_token", "privacy_erasure", "privacy_scrub");

    private final List<DataExportParticipant> owners;
    private final ConsentService consents;
    private final Clock clock;

    DataExport(List<DataExportParticipant> owners, ConsentService consents, Clock clock) {
        this.owners = owners;
        this.consents = consents;
        this.clock = clock;
    }

    Map<String, Object> of(Person person) {
        DataSubject subject = person.subject();
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (DataExportParticipant owner : owners) {
            rows.putAll(owner.export(subject));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", clock.instant().toString());
        out.put("contact", rows.getOrDefault("contact", List.of()).stream().findFirst().orElse(null));
        out.put("channels", rows.getOrDefault("participant", List.of()));
        out.put("consent", person.registered() ? consents.history(person.contactId()).stream().map(DataExport::consent).toList()
                : List.of());
        out.put("conversations", rows.getOrDefault("conversation_session", List.of()));
        out.put("messagesReceived", rows.getOrDefault("inbox", List.of()));
        out.put("messagesSent", rows.getOrDefault("outbox", List.of()));
        out.put("auditTrail", rows.getOrDefault("audit_log", List.of()));
        Map<String, Object> other = new LinkedHashMap<>(rows);
        List.of("contact", "participant", "consent", "contact_channel", "conversation_session", "inbox", "outbox",
                "audit_log").forEach(other::remove);
        out.put("other", other);
        return out;
    }

    private static Map<String, Object> consent(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purpose", c.purpose());
        m.put("granted", c.granted());
        m.put("version", c.version());
        m.put("channel", c.channel());
        m.put("recordedAt", c.recordedAt().toString());
        return m;
    }
}
