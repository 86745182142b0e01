package org.engagebot.contacts.identity;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proof that a participant controls an email address before anything trusts it: {@link #start} emails a one-time
 * code (6 digits, engagebot.identity.code-ttl, stored as an HMAC) and a "this wasn't me" link, but no confirm link:
 * a link pressed by the address's owner would link the chat that asked, which may be a stranger's (she cannot see
 * whose), while a code must be typed in that chat by whoever holds it. {@link #confirm} checks a typed code in constant time, at most max-tries wrong tries a code; either way the
 * purpose's {@link ProvenAddressAction} then acts. Sends are limited per address and per participant an hour, and
 * refused while the owner's "this wasn't me" block lasts. The participant is told the same whether or not the
 * address is already held by someone; the holder is warned. Every method joins the caller's transaction.
 */
@Singleton
public class AddressProofs {
    /** The flow that asks for the code (conversations/confirm-address.yaml); start it after {@link #start}. */
    public static final String CONFIRM_FLOW = "confirm-address";
    public static final String CODE = "code";
    /** Confirmed by the mail's link: only on proofs from before the link stopped confirming (old rows). */
    public static final String LINK = "link";

    private final ProofStore store;
    private final ProofSecrets secrets;
    private final ProofNotices notices;
    private final List<AddressHolders> holders;
    private final Map<String, ProvenAddressAction> actions;
    private final Participants participants;
    private final IdentitySettings settings;
    private final AuditLog audit;
    private final Clock clock;

    AddressProofs(ProofStore store, ProofSecrets secrets, ProofNotices notices, List<AddressHolders> holders,
                  List<ProvenAddressAction> actions, Participants participants,
                  IdentitySettings settings,
                  AuditLog audit, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.notices = notices;
        this.holders = holders;
        this.actions = actions.stream().collect(Collectors.toMap(ProvenAddressAction::purpose, Function.identity()));
        this.participants = participants;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a code went out; a refusal (too many this hour, or blocked by the owner) looks the same for any address. */
    public sealed interface Started {
        record Sent(String address, Duration validFor) implements Started {
        }

        record Refused() implements Started {
        }
    }

    /** What a typed code did. */
    public sealed interface Confirmation {
        /** The code was right; the purpose acted and says this. */
        record Confirmed(List<Text> messages) implements Confirmation {
        }

        record Wrong(int triesLeft) implements Confirmation {
        }

        /** Expired or tried wrongly too often: only a new code helps. */
        record Spent() implements Confirmation {
        }

        /** No code was sent to this participant, or it was withdrawn. */
        record Nothing() implements Confirmation {
        }
    }

    public Started start(String address, Participant participant, String purpose) {
        if (!actions.containsKey(purpose)) {
            throw new IllegalArgumentException("No ProvenAddressAction for purpose " + purpose);
        }
        String email = address.strip().toLowerCase(Locale.ROOT);
        String key = secrets.addressKey(email);
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        ProofStore.Budget budget = store.budget(key, participant.id(), now, hourAgo, now.minus(Duration.ofDays(1)));
        if (budget.blocked() || budget.toAddressInHour() >= settings.sendsPerHour()
                || budget.toAddressInDay() >= settings.sendsPerDay()
                || budget.byParticipantInHour() >= settings.sendsPerHour()) {
            audit.record("participant:" + participant.id(), "identity.code-refused", null, purpose + ", " + participant.channel());
            return new Started.Refused();
        }
        store.closeOpenOf(participant.id(), "replaced", now);
        ProofNotices.Secrets s = new ProofNotices.Secrets(secrets.newCode(), secrets.newToken());
        Optional<AddressHolders.Holder> holder = holder(email);
        String subject = holder.map(AddressHolders.Holder::subject).orElse(null);
        // The link column keeps a hash of a token that is never sent: no link confirms (see ProofLinkController).
        long id = store.insert(participant.id(), email, key, subject, purpose, secrets.tokenHash("link", secrets.newToken()),
                secrets.tokenHash("deny", s.denyToken()), now, now.plus(settings.codeTtl()));
        store.setCodeHash(id, secrets.codeHash(id, s.code()));
        Language language = holder.map(AddressHolders.Holder::language).orElse(null);
        notices.codeMail(email, language != null ? language : participant.language(), participant, s, holder.isPresent());
        holder.ifPresent(h -> notices.warnHolder(h, participant, s.denyToken()));
        audit.record("participant:" + participant.id(), "identity.code-sent", subject, "attempt " + id + ", " + purpose + ", "
                        + participant.channel());
        return new Started.Sent(email, settings.codeTtl());
    }

    /** A new code for the address this participant last asked about; empty when its purpose no longer waits. */
    public Optional<Started> resend(Participant participant) {
        Optional<ProofStore.Proof> last = store.latestFor(participant.id())
                .filter(p -> !"denied".equals(p.outcome()) && !p.email().isBlank())
                .filter(p -> actions.get(p.purpose()) != null && actions.get(p.purpose()).awaits(participant, p.email()));
        return last.map(p -> start(p.email(), participant, p.purpose()));
    }

    public Confirmation confirm(Participant participant, String typed) {
        Optional<ProofStore.Proof> found = store.latestFor(participant.id()).filter(ProofStore.Proof::open);
        if (found.isEmpty()) {
            return new Confirmation.Nothing();
        }
        ProofStore.Proof proof = found.get();
        Instant now = clock.instant();
        if (!proof.usable(now, settings.maxTries())) {
            return new Confirmation.Spent();
        }
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!ProofSecrets.same(secrets.codeHash(proof.id(), code), proof.codeHash())) {
            int failures = store.failed(proof.id());
            audit.record("participant:" + participant.id(), "identity.code-wrong", null, "attempt " + proof.id());
            int left = settings.maxTries() - failures;
            return left > 0 ? new Confirmation.Wrong(left) : new Confirmation.Spent();
        }
        return new Confirmation.Confirmed(proven(proof, participant, CODE, now));
    }

    /** The proof a "this wasn't me" link stands for, while its record is kept. */
    Optional<ProofStore.Proof> deniable(String token) {
        if (!ProofSecrets.looksLikeToken(token)) {
            return Optional.empty();
        }
        return store.byDeny(secrets.tokenHash("deny", token));
    }

    /**
     * Records the owner's "this wasn't me": every open code for the address dies, no code goes to it for
     * block-after-denial, and staff hear of it (audit log and privacy staff email). A repeat changes nothing.
     */
    boolean deny(String token) {
        Optional<ProofStore.Proof> found = deniable(token);
        if (found.isEmpty()) {
            return false;
        }
        ProofStore.Proof proof = found.get();
        if (proof.deniedAt() != null) {
            return true;
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.blockAfterDenial());
        store.deny(proof.id(), proof.targetHmac(), now);
        store.block(proof.targetHmac(), until, now);
        String confirmedBy = CODE.equals(proof.outcome()) || LINK.equals(proof.outcome()) ? proof.outcome() : null;
        String channel = participants.byId(proof.participantId()).map(Participant::channel).orElse("unknown");
        audit.record("address-owner", "identity.denied", proof.holder() != null ? proof.holder()
                : "participant:" + proof.participantId(), "attempt " + proof.id() + " from participant:"
                + proof.participantId() + " (" + channel + ")" + (confirmedBy == null ? "" : ", had been confirmed by "
                + confirmedBy) + ", blocked until " + until);
        notices.tellStaff(proof.id(), proof.participantId(), channel, until, confirmedBy);
        return true;
    }

    private List<Text> proven(ProofStore.Proof proof, Participant participant, String method, Instant now) {
        if (!store.close(proof.id(), method, now)) {
            return List.of();
        }
        audit.record("participant:" + participant.id(), "identity.confirmed", proof.holder(), "attempt " + proof.id() + ", "
                        + proof.purpose() + ", by " + method);
        return actions.get(proof.purpose()).proven(participant, proof.email(), method);
    }

    private Optional<AddressHolders.Holder> holder(String email) {
        return holders.stream().map(h -> h.holding(email)).flatMap(Optional::stream).findFirst();
    }
}
