package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contacts feature's public face: register, find, link channels, consent and newsletter subscription. */
@Singleton
public class ContactService {
    public static final String PURPOSE_CONTACT = "contact";
    public static final String PURPOSE_NEWSLETTER = "newsletter";

    /** Newsletter consent is per channel: "newsletter-telegram" on Telegram, else "newsletter-email". */
    public static String newsletterPurpose(String channel) {
        return PURPOSE_NEWSLETTER + ("telegram".equals(channel) ? "-telegram" : "-email");
    }

    private final ContactStore store;
    private final ProfileStore profiles;
    private final Clock clock;
    private final List<SubscriptionListener> listeners;

    ContactService(ContactStore store, ProfileStore profiles, Clock clock, List<SubscriptionListener> listeners) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
        this.listeners = listeners;
    }

    public record Registered(Contact contact, boolean updated) {
    }

    /**
     * Adds or, when the email is already known, updates a contact; links the participant's channel and records consent.
     * Call only once control of {@code r.email()} has been shown: {@code proof} says how ("code", "link", "reply"), or is
     * null when the participant is already linked to the confirmed holder of that address ({@link #provenFor}).
     */
    public Registered register(Registration r, @Nullable Participant participant, @Nullable String proof) {
        Instant now = clock.instant();
        Optional<Contact> existing = store.byEmail(r.email());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            store.update(id, r, proof, now);
        } else {
            id = store.insert(r, proof, now);
        }
        if (participant != null) {
            // how the organisation came to the office: the first channel it registered on
            profiles.sourceIfUnknown(id, "telegram".equals(participant.channel()) || "console".equals(participant.channel())
                    ? "chat" : participant.channel(), null);
            store.link(id, participant.id());
            store.recordConsent(id, PURPOSE_CONTACT, true, r.consentVersion(), participant.channel(), now);
            store.recordConsent(id, newsletterPurpose(participant.channel()), r.newsletter(), r.consentVersion(),
                    participant.channel(), now);
        }
        return new Registered(store.byId(id).orElseThrow(), existing.isPresent());
    }

    /** Whether this participant is linked to the contact holding {@code email}, and that address was confirmed. */
    public boolean provenFor(Participant participant, String email) {
        return email != null && store.linked(participant.id())
                .filter(c -> email.strip().equalsIgnoreCase(c.email()) && c.emailConfirmed() != null).isPresent();
    }

    /** The linked contact's details offered as step defaults ({@link ContactKnownDetails}). */
    Optional<ContactStore.Linked> linked(Participant participant) {
        return store.linked(participant.id());
    }

    public Optional<Contact> forParticipant(Participant participant) {
        return store.byParticipant(participant.id());
    }

    public Optional<Contact> byEmail(String email) {
        return email == null ? Optional.empty() : store.byEmail(email.strip().toLowerCase());
    }

    public Optional<Contact> byId(long id) {
        return store.byId(id);
    }

    public List<Contact> search(String email, String q, int limit) {
        return store.search(email, q, limit);
    }

    /** Subscribes or unsubscribes from the newsletter, recording the choice as consent given on the channel. */
    public void setSubscribed(long contactId, boolean subscribed, String channel, String version) {
        Instant now = clock.instant();
        store.setSubscribed(contactId, subscribed, now);
        store.recordConsent(contactId, newsletterPurpose(channel), subscribed, version, channel, now);
        if (!subscribed) {
            List<SubscriptionListener.Address> addresses = listeners.isEmpty() ? List.of() : store.addresses(contactId);
            listeners.forEach(l -> l.unsubscribed(contactId, addresses));
        }
    }

    /** A contact's chat on some channel (its address there and the language it chose, may be null). */
    public record LinkedChat(String channel, String address, String language) {
    }

    /** This address is undeliverable (a hard bounce, repeated soft bounces, a complaint): its contacts go on email hold. */
    public void markUndeliverable(String email) {
        store.holdEmail(email, clock.instant());
    }

    /**
     * Retention: an address on hold since before {@code cutoff} (bounced long ago) is dropped from its contact, and the
     * hold with it. In chunks, each its own write transaction; call outside one. Returns how many contacts changed.
     */
    public int dropEmailsHeldBefore(Instant cutoff) {
        return store.dropHeldEmails(cutoff, clock.instant());
    }

    /** One consent decision as recorded: purpose as stored (legacy "newsletter" rows say so), on which channel. */
    public record ConsentDecision(String purpose, boolean granted, String version, String channel, Instant recordedAt) {
    }

    /** Records a consent decision (append-only); joins the caller's transaction. */
    public void recordConsent(long contactId, String purpose, boolean granted, String version, String channel) {
        store.recordConsent(contactId, purpose, granted, version, channel, clock.instant());
    }

    /** Every consent decision of a contact, oldest first. */
    public List<ConsentDecision> consentHistory(long contactId) {
        return store.consentHistory(contactId);
    }

    /** Whether the newsletter may go to this contact on this channel: the {@link NewsletterConsent} rule. */
    public boolean mayReceiveNewsletter(long contactId, String channel) {
        return store.mayReceiveNewsletter(contactId, channel);
    }

    /** The participants (chats, email identities) linked to a contact, in id order. */
    public List<Long> linkedParticipants(long contactId) {
        return store.linkedParticipants(contactId);
    }

    /** Addresses of contacts on email hold, whoever put them there (bounces or staff). */
    public List<String> undeliverableEmails() {
        return store.heldEmails();
    }

    /**
     * The chats on {@code channel} (e.g. telegram) of the contacts holding {@code email} or linked to it as an email
     * participant: where to ask for a new address when that one fails.
     */
    public List<LinkedChat> chatsOf(String email, String channel) {
        return store.chatsOf(email, channel, "email");
    }

    /** Contacts added since the given instant (the console's "new registrations"). */
    public long countCreatedSince(Instant since) {
        return store.countCreatedSince(since);
    }

    /** One page of contacts and how many match in all. */
    public record Page(List<Contact> contacts, long total, int offset, int limit) {
        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return last() < total;
        }

        /** Position of the first contact on this page, counting from 1 (0 when the page is empty). */
        public int first() {
            return contacts.isEmpty() ? 0 : offset + 1;
        }

        public int last() {
            return offset + contacts.size();
        }

        public int previousOffset() {
            return Math.max(0, offset - limit);
        }
    }

    /**
     * Contacts whose area and language match (null or blank = any), with the free-text query as in {@link #search},
     * filtered in the database so every match can be reached page by page.
     */
    public Page search(String q, String area, String language, int offset, int limit) {
        return search(q, area, null, language, offset, limit);
    }

    /** As above, also narrowed to one remit or sector (a value of {@link OrganisationLists#SECTORS}). */
    public Page search(String q, String area, String sector, String language, int offset, int limit) {
        ContactStore.Filter filter = new ContactStore.Filter(null, q, area, sector, language);
        int from = Math.max(0, offset);
        return new Page(store.search(filter, from, limit), store.count(filter), from, limit);
    }

    /** For the engagement report: contacts registered in [from, to), by area ("(none)" without one). */
    public java.util.Map<String, Long> newContactsByArea(java.time.Instant from, java.time.Instant to) {
        return store.newByArea(from, to);
    }

    /** For the Compact review: each contact registered in [from, to) with its areas and remits or sectors (values). */
    public java.util.List<NewContact> newRegistrations(java.time.Instant from, java.time.Instant to) {
        return store.newAreasAndSectors(from, to).stream().map(r -> new NewContact(Areas.values(r[0]),
                Areas.values(r[1]))).toList();
    }

    /** A new contact's areas and sectors (stored values of the areas list and {@link OrganisationLists#SECTORS}). */
    public record NewContact(java.util.List<String> areas, java.util.List<String> sectors) {
    }
}
