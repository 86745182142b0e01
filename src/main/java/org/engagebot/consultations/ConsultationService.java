package org.engagebot.consultations;

import org.engagebot.platform.Transactions;
import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.OneLanguagePublishing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consultations feature's public face. The email channel calls {@link #byReference} and
 * {@link #recordEmailResponse} for mail that names a consultation's reference (CON-2026-03) in its subject
 * but carries no reply token; replies with a token reach {@link ConsultationMailReplies}.
 */
@Singleton
public class ConsultationService {
    static final String OTHERS_INVITATION = "replied to someone else's invitation";
    private static final Pattern REFERENCE = Pattern.compile("\\bCON-\\d{4}-\\d{2,}\\b", Pattern.CASE_INSENSITIVE);

    private final ConsultationStore store;
    private final ResponseStore responses;
    private final Invitations invitations;
    private final ResponseRecorder recorder;
    private final EmailAnswers emailAnswers;
    private final ConsultationTexts texts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;
    private final OneLanguagePublishing oneLanguage;

    ConsultationService(ConsultationStore store, ResponseStore responses, Invitations invitations,
                        ResponseRecorder recorder, EmailAnswers emailAnswers, ConsultationTexts texts, Outbox outbox,
                        AuditLog audit, Transactions tx, Clock clock, OneLanguagePublishing oneLanguage) {
        this.oneLanguage = oneLanguage;
        this.store = store;
        this.responses = responses;
        this.invitations = invitations;
        this.recorder = recorder;
        this.emailAnswers = emailAnswers;
        this.texts = texts;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The consultation whose reference appears in a text (e.g. an email subject "Re: CON-2026-03 views"). */
    public Optional<Consultation> byReference(String textWithReference) {
        if (textWithReference == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(textWithReference);
        return m.find() ? store.byReference(m.group().toUpperCase(java.util.Locale.ROOT)).filter(Consultation::published)
                : Optional.empty();
    }

    /** A published consultation by its id or its reference (CON-2026-03), e.g. from a web form's address. */
    public Optional<Consultation> published(String idOrReference) {
        if (idOrReference == null || idOrReference.length() > 40) {
            return Optional.empty();
        }
        Optional<Consultation> found = idOrReference.matches("\\d{1,18}") ? store.byId(Long.parseLong(idOrReference))
                : store.byReference(idOrReference.toUpperCase(java.util.Locale.ROOT));
        return found.filter(Consultation::published);
    }

    /** Published consultations open for responses now, for the list of what a person can do. */
    public List<Consultation> openNow() {
        Instant now = clock.instant();
        return store.published().stream().filter(c -> c.openAt(now)).toList();
    }

    /**
     * Records an email (already stored in the inbox, auto-replies and bounces filtered out) that names a published
     * consultation but carries no reply token; call inside the inbound transaction. Its From header is only a claim,
     * so it may start the sender's response but never amend one. Returns the acknowledgement to send back (empty for
     * a repeat of the same Message-ID).
     */
    public List<OutboundMessage> recordEmailResponse(long consultationId, MailReply reply) {
        return recordEmail(consultationId, null, reply);
    }

    /**
     * Records an email reply; {@code tokenInvitee} is whom the reply token or thread was issued to (null when there
     * was none). Only a reply from that invitee's own address speaks for them; a reply from anyone else is that
     * sender's own response, flagged. The acknowledgement carries the reply token of the sender's own address, so
     * replying to it is the proven way to amend.
     */
    List<OutboundMessage> recordEmail(long consultationId, Invitee tokenInvitee, MailReply reply) {
        Optional<Consultation> found = store.byId(consultationId).filter(Consultation::published);
        if (found.isEmpty()) {
            return List.of(notMatched(reply));
        }
        Consultation c = found.get();
        String sender = reply.participant().address();
        boolean proven = tokenInvitee != null && tokenInvitee.channel().equals("email")
                && tokenInvitee.address().equalsIgnoreCase(sender);
        String flag = tokenInvitee != null && !proven ? OTHERS_INVITATION : null;
        String trimmed = reply.trimmedText() == null ? "" : reply.trimmedText().strip();
        Language written = WelshDetector.detect(trimmed);
        Invitee own = proven ? tokenInvitee : ownInvitee(c, sender, written, reply.receivedAt());
        Incoming in = new Incoming(reply.participant(), own, written, trimmed, emailAnswers.read(c, trimmed),
                reply.inboxId(), reply.messageId(), reply.receivedAt(), proven, flag, reply.authentication());
        ResponseRecorder.Recorded recorded = recorder.record(c, in);
        if (recorded.response().isEmpty()) {
            return List.of();
        }
        String subject = reply.subject() == null || reply.subject().isBlank() ? c.title().label(recorded.language())
                : (reply.subject().regionMatches(true, 0, "Re:", 0, 3) ? reply.subject() : "Re: " + reply.subject());
        Text ack = recorded.acknowledgement();
        if (!reply.attachedFiles().isEmpty()) {
            // Files are not kept with a response (only its text is): say so, so the sender can put it in words.
            String names = String.join(", ", reply.attachedFiles());
            ack = ack.append(ConsultationTexts.both(l -> texts.say("consultations.ack.attachments", l, names)), "\n\n");
        }
        return List.of(new OutboundMessage(subject, ack.in(recorded.language()), null, null,
                List.of(), Map.of(), own.replyToken(), reply.messageId()));
    }

    /** The sender's own invitation row (made now, with a fresh token, for someone answering uninvited). */
    private Invitee ownInvitee(Consultation c, String address, Language language, Instant now) {
        return responses.invitee(c.id(), "email", address).orElseGet(() -> {
            responses.invite(c.id(), null, "email", address, language, Invitations.newToken(), now);
            return responses.invitee(c.id(), "email", address).orElseThrow();
        });
    }

    OutboundMessage notMatched(MailReply reply) {
        Text text = texts.get("consultations.email.not-matched");
        return new OutboundMessage(reply.subject() == null ? null : "Re: " + reply.subject(),
                text.in(reply.participant().language()), null, null, List.of(), Map.of(), null, reply.messageId());
    }

    /** Creates a draft with the next reference of its opening year. */
    Consultation create(NewConsultation c, String actor) {
        Instant now = clock.instant();
        long id = tx.write(() -> {
            String reference = store.nextReference(c.opensAt().atZone(ZoneOffset.UTC).getYear());
            long newId = store.insert(c, reference, actor, now);
            audit.record(actor, "consultation.create", reference, c.needsTranslation() ? "needs translation" : null);
            return newId;
        });
        return store.byId(id).orElseThrow();
    }

    static final String KIND = "consultation";

    /** Records why this consultation goes out in one language; a refusal when the declaration is invalid. */
    Optional<OneLanguagePublishing.Refusal> declareOneLanguage(Consultation c, OneLanguagePublishing.Fields f, String actor) {
        return oneLanguage.declare(KIND, c.id(), c.reference(), f, actor);
    }

    Optional<OneLanguagePublishing.Declared> oneLanguageReason(Consultation c) {
        return oneLanguage.declared(KIND, c.id());
    }

    /** Why it may not be published yet: a text serves both languages and no reason was given. */
    public Optional<OneLanguagePublishing.Refusal> untranslated(Consultation c) {
        return oneLanguage.refusal(KIND, c.id(), c.needsTranslation());
    }

    /** Publishes and invites; empty when there is no such consultation, it was already published, or it is not bilingual. */
    Optional<Map<String, Integer>> publish(long id, String actor) {
        Instant now = clock.instant();
        Optional<Map<String, Integer>> sent = tx.write(() -> {
            Optional<Consultation> c = store.byId(id);
            if (c.isEmpty() || untranslated(c.get()).isPresent() || !store.markPublished(id, now)) {
                return Optional.empty();
            }
            Map<String, Integer> counts = invitations.send(store.byId(id).orElseThrow(), now);
            audit.record(actor, "consultation.publish", c.get().reference(), "invited " + counts);
            oneLanguage.published(KIND, id);
            return Optional.of(counts);
        });
        if (sent.isPresent()) {
            outbox.wake("email");
            outbox.wake("telegram");
        }
        return sent;
    }

    Optional<Consultation> byId(long id) {
        return store.byId(id);
    }

    List<Consultation> all() {
        return store.all();
    }

    /** For the engagement report: responses (every version) received in [from, to), by channel. */
    public java.util.Map<String, Long> responsesByChannel(java.time.Instant from, java.time.Instant to) {
        return responses.countByChannel(from, to);
    }
}
