package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a completed visit flow into an application with a reference, unless it repeats one: identical answers
 * from the same participant or organisation within the duplicate window, or an open application from the same
 * email address. Runs inside the inbound transaction (SQLite's single writer keeps references unique).
 */
@Singleton
class ApplicationIntake {
    private final VisitStore store;
    private final ContactService contacts;
    private final VisitNotifier notifier;
    private final VisitsConfig config;
    private final Clock clock;

    ApplicationIntake(VisitStore store, ContactService contacts, VisitNotifier notifier, VisitsConfig config, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    VisitService.Submitted submit(Participant participant, Map<String, String> answers) {
        return submit(participant, answers, "applicant", null);
    }

    /** As {@link #submit(Participant, Map)}, with who recorded it (the applicant, or staff entering a form) and why. */
    VisitService.Submitted submit(Participant participant, Map<String, String> answers, String actor, String note) {
        Instant now = clock.instant();
        String organisation = answers.getOrDefault("organisation", "").strip();
        String email = answers.getOrDefault("email", "").strip().toLowerCase(java.util.Locale.ROOT);
        String hash = hash(answers);
        // A typed address is a claim: an applicant is filed under, and told about, only what is already theirs
        // (their participant or the contact it is linked to); staff entering a form have seen who sent it.
        boolean staff = !"applicant".equals(actor);
        Long contactId = contacts.forParticipant(participant).or(() -> staff ? contacts.byEmail(email) : Optional.empty())
                .map(Contact::id).orElse(null);
        Optional<VisitApplication> earlier = store.identicalSince(hash, participant.id(), organisation,
                now.minus(config.duplicateWindow())).or(() -> store.openByEmail(email)
                .filter(a -> staff || Long.valueOf(participant.id()).equals(a.participantId())
                        || (contactId != null && contactId.equals(a.contactId()))));
        if (earlier.isPresent()) {
            return new VisitService.Submitted(earlier.get(), true);
        }
        int year = LocalDate.ofInstant(now, config.zone()).getYear();
        VisitReference reference = VisitReference.next(year, store.highestSequence(year));
        long id = store.insert(new VisitStore.NewApplication(reference, participant.id(), contactId, participant.channel(),
                participant.language(), organisation, answers.getOrDefault("contact_name", "").strip(), email,
                answers.get("phone"), answers.get("area"), Map.copyOf(answers), hash, "yes".equals(answers.get("publicity"))),
                now);
        store.recordHistory(id, actor, null, VisitStatus.RECEIVED, note, now);
        VisitApplication created = store.byId(id).orElseThrow();
        notifier.toStaff(created);
        return new VisitService.Submitted(created, false);
    }

    /** A stable fingerprint of the answers: organisation and email compared case-insensitively. */
    static String hash(Map<String, String> answers) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(answers).forEach((k, v) -> {
            String value = v == null ? "" : v.strip();
            if (k.equals("organisation") || k.equals("email")) {
                value = value.toLowerCase(java.util.Locale.ROOT);
            }
            canonical.append(k).append('=').append(value.replace("\r\n", "\n")).append('\u0000');
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
