package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's profile: the contact (the organisation and its primary person) with what it works on
 * ({@code sectors}, values of {@link OrganisationLists#SECTORS}), its type, how it came to the office, the CVC that
 * shared it, further contact people, staff notes and the history of changes (newest first).
 */
public record Profile(Contact contact, @Nullable String role, List<String> sectors, @Nullable String type,
                      @Nullable String source, @Nullable String cvc, @Nullable String tags, List<Person> people,
                      List<Note> notes, List<Change> changes) {

    /** A contact person besides the primary one. */
    public record Person(long id, @Nullable String name, @Nullable String role, @Nullable String email,
                         @Nullable String phone) {
    }

    /** A staff note. */
    public record Note(long id, String author, String body, Instant at) {
    }

    /** One field's change, or an event such as a merge (field "merged"). */
    public record Change(String actor, String field, @Nullable String oldValue, @Nullable String newValue, Instant at) {
    }

    public List<String> areas() {
        return Areas.values(contact.area());
    }

    public String sectorLabels() {
        return String.join(", ", sectors.stream().map(s -> OrganisationLists.label(OrganisationLists.SECTORS, s)).toList());
    }

    public String typeLabel() {
        return type == null ? "" : OrganisationLists.label(OrganisationLists.TYPES, type);
    }

    public String sourceLabel() {
        return source == null ? "" : OrganisationLists.label(OrganisationLists.SOURCES, source);
    }
}
