package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Gathers a person's identities: the participant asking, their contact and every channel linked to it. */
@Singleton
class PersonFinder {
    private final ContactService contacts;
    private final Participants participants;

    PersonFinder(ContactService contacts, Participants participants) {
        this.contacts = contacts;
        this.participants = participants;
    }

    Person of(Participant participant) {
        Optional<Contact> contact = contacts.forParticipant(participant);
        if (contact.isEmpty() && "email".equals(participant.channel())) {
            contact = contacts.byEmail(participant.address());
        }
        return build(contact.orElse(null), participant.id());
    }

    Optional<Person> ofContact(long contactId) {
        return contacts.byId(contactId).map(c -> build(c, null));
    }

    /** The person an unfinished erasure was about, from the ids it recorded (their rows are intact until it ends). */
    Person resume(Long contactId, List<Long> participantIds) {
        Contact contact = contactId == null ? null : contacts.byId(contactId).orElse(null);
        Person found = build(contact, null);
        Set<Long> ids = new LinkedHashSet<>(participantIds);
        ids.addAll(found.participantIds());
        Set<Person.Address> addresses = new LinkedHashSet<>(found.addresses());
        for (long id : participantIds) {
            participants.byId(id).ifPresent(p -> addresses.add(new Person.Address(p.channel(), p.address())));
        }
        return new Person(contactId, List.copyOf(ids), new ArrayList<>(addresses));
    }

    Optional<Participant> byParticipantId(long id) {
        return participants.byId(id);
    }

    private Person build(Contact contact, Long asking) {
        Set<Long> ids = new LinkedHashSet<>();
        if (asking != null) {
            ids.add(asking);
        }
        if (contact != null) {
            ids.addAll(contacts.linkedParticipants(contact.id()));
        }
        Set<Person.Address> addresses = new LinkedHashSet<>();
        for (long id : ids) {
            participants.byId(id).ifPresent(p -> addresses.add(new Person.Address(p.channel(), p.address())));
        }
        if (contact != null && contact.email() != null) {
            addresses.add(new Person.Address("email", contact.email()));
        }
        return new Person(contact == null ? null : contact.id(), List.copyOf(ids), new ArrayList<>(addresses));
    }
}
