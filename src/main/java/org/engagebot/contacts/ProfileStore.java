package org.engagebot.contacts;

import org.engagebot.platform.Db;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The profile columns of the contact table and its people, notes and changes. Package-private, as ContactStore. */
@Singleton
class ProfileStore {
    private final Db db;

    ProfileStore(Db db) {
        this.db = db;
    }

    /** role, sectors, type, source, cvc, tags of a contact. */
    record Extra(String role, List<String> sectors, String type, String source, String cvc, String tags) {
    }

    Optional<Extra> extra(long id) {
        return db.one("SELECT role, sectors, org_type, source, cvc, tags FROM contact WHERE id = ?",
                rs -> new Extra(rs.getString(1), Areas.values(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), id);
    }

    List<Profile.Person> people(long contactId) {
        return db.query("SELECT id, name, role, email, phone FROM contact_person WHERE contact_id = ? ORDER BY id",
                rs -> new Profile.Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), contactId);
    }

    List<Profile.Note> notes(long contactId) {
        return db.query("SELECT id, author, body, created_at FROM contact_note WHERE contact_id = ? ORDER BY id DESC",
                rs -> new Profile.Note(rs.getLong(1), rs.getString(2), rs.getString(3), Db.instant(rs, "created_at")),
                contactId);
    }

    List<Profile.Change> changes(long contactId) {
        return db.query("SELECT actor, field, old_value, new_value, at FROM contact_change WHERE contact_id = ? "
                + "ORDER BY id DESC", ProfileStore::change, contactId);
    }

    private static Profile.Change change(ResultSet rs) throws SQLException {
        return new Profile.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Db.instant(rs, "at"));
    }

    long insert(ProfileForm f, Instant now) {
        return db.insert("INSERT INTO contact (organisation, name, role, email, phone, website, description, area, "
                        + "sectors, org_type, source, cvc, language, tags, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.organisation(), f.name(), f.role(), f.email(), f.phone(), f.website(), f.description(),
                joined(f.areas()), joined(f.sectors()), f.type(), f.source(), f.cvc(), f.language(), f.tags(), now, now);
    }

    /** Replaces the profile's fields; a changed email address is no longer counted as confirmed. */
    void update(long id, ProfileForm f, Instant now) {
        db.update("UPDATE contact SET email_confirmed = CASE WHEN COALESCE(email, '') = COALESCE(?, '') "
                        + "THEN email_confirmed ELSE NULL END, email_on_hold = CASE WHEN COALESCE(email, '') = "
                        + "COALESCE(?, '') THEN email_on_hold ELSE 0 END, organisation = ?, name = ?, role = ?, email = ?, "
                        + "phone = ?, website = ?, description = ?, area = ?, sectors = ?, org_type = ?, source = ?, cvc = ?, "
                        + "language = ?, tags = ?, updated_at = ? WHERE id = ?",
                f.email(), f.email(), f.organisation(), f.name(), f.role(), f.email(), f.phone(), f.website(),
                f.description(), joined(f.areas()), joined(f.sectors()), f.type(), f.source(), f.cvc(), f.language(),
                f.tags(), now, id);
    }

    /** Sets how a contact came to the office, unless that is already known. */
    void sourceIfUnknown(long id, String source, String cvc) {
        db.update("UPDATE contact SET source = COALESCE(source, ?), cvc = COALESCE(cvc, ?) WHERE id = ?", source, cvc, id);
    }

    /**
     * The imported profile columns; null leaves a value alone. The source is set only when unknown: the first way a
     * contact came to the office stays. A second contact person is added unless one with that email is there.
     */
    void importExtra(long id, ImportRow.Extra x, Instant now) {
        db.update("UPDATE contact SET role = COALESCE(?, role), sectors = COALESCE(?, sectors), "
                        + "org_type = COALESCE(?, org_type), source = COALESCE(source, ?), cvc = COALESCE(?, cvc), "
                        + "website = COALESCE(?, website), description = COALESCE(?, description) WHERE id = ?",
                x.role(), x.sectors(), x.type(), x.source() == null ? "import" : x.source(), x.cvc(), x.website(),
                x.description(), id);
        ProfileForm.PersonForm p = x.second();
        if (p != null && db.count("SELECT count(*) FROM contact_person WHERE contact_id = ? AND (email = ? OR "
                + "(email IS NULL AND name = ?))", id, p.email(), p.name()) == 0) {
            addPerson(id, p, now);
        }
    }

    long addPerson(long contactId, ProfileForm.PersonForm p, Instant now) {
        return db.insert("INSERT INTO contact_person (contact_id, name, role, email, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                contactId, p.name(), p.role(), p.email(), p.phone(), now);
    }

    boolean removePerson(long contactId, long personId) {
        return db.update("DELETE FROM contact_person WHERE id = ? AND contact_id = ?", personId, contactId) == 1;
    }

    /** Puts a person's details on the contact row (the primary person) and the primary's on the person's row. */
    void swapPrimary(long contactId, Profile.Person person, ProfileForm.PersonForm primary, Instant now) {
        db.update("UPDATE contact_person SET name = ?, role = ?, email = ?, phone = ? WHERE id = ?",
                primary.name(), primary.role(), primary.email(), primary.phone(), person.id());
        db.update("UPDATE contact SET email = NULL WHERE id = ?", contactId);
        db.update("UPDATE contact SET name = ?, role = ?, email = ?, phone = ?, email_confirmed = NULL, "
                        + "email_confirmed_at = NULL, email_on_hold = 0, updated_at = ? WHERE id = ?",
                person.name(), person.role(), person.email(), person.phone(), now, contactId);
    }

    void addNote(long contactId, String author, String body, Instant now) {
        db.insert("INSERT INTO contact_note (contact_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                contactId, author, body, now);
    }

    void change(long contactId, String actor, String field, String oldValue, String newValue, Instant now) {
        db.insert("INSERT INTO contact_change (contact_id, actor, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)",
                contactId, actor, field, oldValue, newValue, now);
    }

    /** Moves everything contacts holds about {@code from} to {@code into}: people, notes, changes, consents, chats. */
    void moveAll(long from, long into) {
        for (String table : List.of("contact_person", "contact_note", "contact_change", "consent", "contact_channel")) {
            db.update("UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?", into, from);
        }
    }

    /** Takes over {@code from}'s email address (and how it was confirmed), freeing it on {@code from} first. */
    void takeEmail(long from, long into, Instant now) {
        String email = db.one("SELECT email FROM contact WHERE id = ?", rs -> rs.getString(1), from).orElse(null);
        db.update("UPDATE contact SET email_confirmed = (SELECT f.email_confirmed FROM contact f WHERE f.id = ?), "
                + "email_confirmed_at = (SELECT f.email_confirmed_at FROM contact f WHERE f.id = ?), "
                + "email_on_hold = (SELECT f.email_on_hold FROM contact f WHERE f.id = ?), updated_at = ? WHERE id = ?",
                from, from, from, now, into);
        db.update("UPDATE contact SET email = NULL WHERE id = ?", from);
        db.update("UPDATE contact SET email = ? WHERE id = ?", email, into);
    }

    void delete(long id) {
        db.update("DELETE FROM contact WHERE id = ?", id);
    }

    /** Every contact's organisation, email and phone: what an import's rows are checked against for duplicates. */
    List<Duplicate> identities() {
        return db.query("SELECT id, organisation, email, phone FROM contact",
                rs -> new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    record Duplicate(long id, String organisation, String email, String phone) {
    }

    static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
