package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Organisation profiles for staff: read one with everything the office holds about it, add, edit, annotate and
 * merge. Every change is kept field by field in the profile's history and audited (field names only: the values
 * stay in the history, which goes with the contact when it is erased).
 */
@Singleton
public class Profiles {
    private final ContactStore contacts;
    private final ProfileStore store;
    private final ProfileCheck check;
    private final Areas areas;
    private final List<ContactRecords> records;
    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;

    Profiles(ContactStore contacts, ProfileStore store, ProfileCheck check, Areas areas, List<ContactRecords> records,
             Transactions tx, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.store = store;
        this.check = check;
        this.areas = areas;
        this.records = records.stream().sorted(Comparator.comparingInt(r -> SECTION_ORDER.indexOf(r.section())))
                .toList();
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private static final List<String> SECTION_ORDER = List.of("visits", "responses", "rsvps", "questions", "enquiries");

    /** A form's outcome: the contact's id, or what is wrong, by field, in the order the form asks. */
    public record Saved(long id, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** One section of another feature's records about the contact. */
    public record Section(String key, String heading, List<ContactRecords.Record> records) {
    }

    public Optional<Profile> profile(long id) {
        return contacts.byId(id).map(c -> {
            ProfileStore.Extra x = store.extra(id).orElseThrow();
            return new Profile(c, x.role(), x.sectors(), x.type(), x.source(), x.cvc(), x.tags(), store.people(id),
                    store.notes(id), store.changes(id));
        });
    }

    /** The visits, responses, RSVPs and enquiries of this contact, each section from its own feature. */
    public List<Section> records(long id) {
        return records.stream().map(r -> new Section(r.section(), r.heading(), r.of(id))).toList();
    }

    public Saved create(ProfileForm form, String actor) {
        ProfileCheck.Checked c = check.form(form, null);
        if (!c.errors().isEmpty()) {
            return new Saved(0, c.errors());
        }
        ProfileForm f = c.form().source() == null ? withSource(c.form(), "staff") : c.form();
        long id = tx.write(() -> {
            Instant now = clock.instant();
            long created = store.insert(f, now);
            store.change(created, actor, "created", null, f.organisation(), now);
            return created;
        });
        audit.record(actor, "contact.create", "contact:" + id, null);
        return new Saved(id, Map.of());
    }

    public Saved update(long id, ProfileForm form, String actor) {
        Optional<Profile> before = profile(id);
        if (before.isEmpty()) {
            return new Saved(id, Map.of("organisation", "This organisation no longer exists"));
        }
        ProfileCheck.Checked c = check.form(form, id);
        if (!c.errors().isEmpty()) {
            return new Saved(id, c.errors());
        }
        Map<String, String[]> changed = differences(ProfileForm.of(before.get()), c.form());
        if (!changed.isEmpty()) {
            tx.write(() -> {
                Instant now = clock.instant();
                store.update(id, c.form(), now);
                changed.forEach((field, values) -> store.change(id, actor, field, values[0], values[1], now));
                return null;
            });
            audit.record(actor, "contact.edit", "contact:" + id, "changed " + String.join(", ", changed.keySet()));
        }
        return new Saved(id, Map.of());
    }

    public Saved addNote(long id, String body, String actor) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 5000) {
            return new Saved(id, Map.of("note", text.isEmpty() ? "Enter the note" : "The note must be 5,000 characters or fewer"));
        }
        tx.write(() -> {
            store.addNote(id, actor, text, clock.instant());
            return null;
        });
        audit.record(actor, "contact.note", "contact:" + id, null);
        return new Saved(id, Map.of());
    }

    public Saved addPerson(long id, ProfileForm.PersonForm person, String actor) {
        ProfileCheck.CheckedPerson c = check.person(person);
        if (!c.errors().isEmpty()) {
            return new Saved(id, c.errors());
        }
        tx.write(() -> {
            Instant now = clock.instant();
            store.addPerson(id, c.person(), now);
            store.change(id, actor, "person added", null, describe(c.person()), now);
            return null;
        });
        audit.record(actor, "contact.person.add", "contact:" + id, null);
        return new Saved(id, Map.of());
    }

    public boolean removePerson(long id, long personId, String actor) {
        Optional<Profile.Person> p = person(id, personId);
        if (p.isEmpty()) {
            return false;
        }
        tx.write(() -> {
            store.removePerson(id, personId);
            store.change(id, actor, "person removed", describe(p.get()), null, clock.instant());
            return null;
        });
        audit.record(actor, "contact.person.remove", "contact:" + id, null);
        return true;
    }

    /** Makes a contact person the primary one; the primary becomes one of the people. */
    public Saved makePrimary(long id, long personId, String actor) {
        Optional<Profile> profile = profile(id);
        Optional<Profile.Person> p = person(id, personId);
        if (profile.isEmpty() || p.isEmpty()) {
            return new Saved(id, Map.of("people", "That person is no longer on this organisation's record"));
        }
        if (p.get().email() != null && contacts.byEmail(p.get().email()).filter(c -> c.id() != id).isPresent()) {
            return new Saved(id, Map.of("people", "Another organisation's record uses " + p.get().email()
                    + " as its main address: merge the two records first"));
        }
        Contact c = profile.get().contact();
        ProfileForm.PersonForm old = new ProfileForm.PersonForm(c.name(), profile.get().role(), c.email(), c.phone());
        tx.write(() -> {
            Instant now = clock.instant();
            store.swapPrimary(id, p.get(), old, now);
            store.change(id, actor, "primary contact", describe(old), describe(p.get()), now);
            return null;
        });
        audit.record(actor, "contact.person.primary", "contact:" + id, null);
        return new Saved(id, Map.of());
    }

    /**
     * Merges {@code otherId} into {@code keepId}: the kept record fills its blanks from the other, adds its areas,
     * sectors and tags, and takes its people (the other's primary person among them), notes, history, consents,
     * chats, visits, responses, RSVPs and enquiries; the other record is then deleted. Answers false when either is gone.
     */
    public boolean merge(long keepId, long otherId, String actor) {
        if (keepId == otherId) {
            return false;
        }
        Optional<Profile> keep = profile(keepId);
        Optional<Profile> other = profile(otherId);
        if (keep.isEmpty() || other.isEmpty()) {
            return false;
        }
        ProfileForm merged = mergedForm(ProfileForm.of(keep.get()), ProfileForm.of(other.get()));
        Map<String, String[]> changed = differences(ProfileForm.of(keep.get()), merged);
        Contact o = other.get().contact();
        boolean takeEmail = keep.get().contact().email() == null && o.email() != null;
        if (takeEmail) {
            changed.put("email", new String[]{null, o.email()});
        }
        tx.write(() -> {
            Instant now = clock.instant();
            store.update(keepId, merged, now);
            if (takeEmail) {
                store.takeEmail(otherId, keepId, now);
            }
            store.moveAll(otherId, keepId);
            if (!takeEmail && (o.name() != null || o.email() != null || o.phone() != null)) {
                store.addPerson(keepId, new ProfileForm.PersonForm(o.name(), other.get().role(), o.email(), o.phone()), now);
            }
            List<String> notes = new java.util.ArrayList<>();
            records.forEach(r -> {
                notes.addAll(r.mergeNotes(otherId, keepId));
                r.move(otherId, keepId);
            });
            changed.forEach((field, values) -> store.change(keepId, actor, field, values[0], values[1], now));
            store.change(keepId, actor, "merged", "record " + otherId + ": " + label(o)
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)), null, now);
            store.delete(otherId);
            return null;
        });
        audit.record(actor, "contact.merge", "contact:" + keepId, "merged contact:" + otherId + " into it");
        return true;
    }

    private static ProfileForm withSource(ProfileForm f, String source) {
        return new ProfileForm(f.organisation(), f.name(), f.role(), f.email(), f.phone(), f.website(), f.description(),
                f.areas(), f.sectors(), f.type(), source, f.cvc(), f.language(), f.tags());
    }

    private ProfileForm mergedForm(ProfileForm a, ProfileForm b) {
        return new ProfileForm(or(a.organisation(), b.organisation()), or(a.name(), b.name()),
                a.name() != null ? a.role() : or(a.role(), b.role()), a.email(), or(a.phone(), b.phone()),
                or(a.website(), b.website()), or(a.description(), b.description()), inListOrder(union(a.areas(), b.areas())),
                OrganisationLists.match(OrganisationLists.SECTORS, String.join(",", union(a.sectors(), b.sectors()))), or(a.type(), b.type()), or(a.source(), b.source()), or(a.cvc(), b.cvc()),
                or(a.language(), b.language()), tags(a.tags(), b.tags()));
    }

    /** Areas in the order of the areas list, as a form stores them. */
    private List<String> inListOrder(List<String> values) {
        return values.isEmpty() ? values : areas.match(String.join(",", values)).map(Areas::values).orElse(values);
    }

    private static String tags(String a, String b) {
        List<String> all = union(Areas.values(a), Areas.values(b));
        return all.isEmpty() ? null : String.join(",", all);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** Field label → {old, new} for each field that differs. */
    private static Map<String, String[]> differences(ProfileForm a, ProfileForm b) {
        Map<String, String[]> out = new LinkedHashMap<>();
        diff(out, "organisation", a.organisation(), b.organisation());
        diff(out, "name", a.name(), b.name());
        diff(out, "role", a.role(), b.role());
        diff(out, "email", a.email(), b.email());
        diff(out, "phone", a.phone(), b.phone());
        diff(out, "website", a.website(), b.website());
        diff(out, "what it does", a.description(), b.description());
        diff(out, "areas", ProfileStore.joined(a.areas()), ProfileStore.joined(b.areas()));
        diff(out, "remit or sector", ProfileStore.joined(a.sectors()), ProfileStore.joined(b.sectors()));
        diff(out, "type", a.type(), b.type());
        diff(out, "source", a.source(), b.source());
        diff(out, "CVC", a.cvc(), b.cvc());
        diff(out, "language", a.language(), b.language());
        diff(out, "tags", a.tags(), b.tags());
        return out;
    }

    private static void diff(Map<String, String[]> out, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.put(field, new String[]{a, b});
        }
    }

    private Optional<Profile.Person> person(long id, long personId) {
        return store.people(id).stream().filter(p -> p.id() == personId).findFirst();
    }

    private static String describe(Profile.Person p) {
        return describe(new ProfileForm.PersonForm(p.name(), p.role(), p.email(), p.phone()));
    }

    private static String describe(ProfileForm.PersonForm p) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[]{p.name(), p.role(), p.email(), p.phone()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join(", ", parts);
    }

    private static String label(Contact c) {
        return (c.organisation() == null ? "(no organisation)" : c.organisation())
                + (c.email() == null ? "" : " <" + c.email() + ">");
    }
}
