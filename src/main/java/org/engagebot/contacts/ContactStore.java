package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.conversation.ParticipantRelation;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contact tables. Package-private: other features go through {@link ContactService}. */
@Singleton
class ContactStore {
    private static final String SELECT = "SELECT c.*, (SELECT string_agg(p.channel, ',') FROM contact_channel cc "
            + "JOIN " + ParticipantRelation.SQL + " p ON p.participant_id = cc.participant_id WHERE cc.contact_id = c.id) "
            + "AS channels FROM contact c ";

    private final Db db;
    private final Chunks chunks;

    ContactStore(Db db, Chunks chunks) {
        this.db = db;
        this.chunks = chunks;
    }

    Optional<Contact> byEmail(String email) {
        return db.one(SELECT + "WHERE c.email = ?", ContactStore::map, email);
    }

    Optional<Contact> byId(long id) {
        return db.one(SELECT + "WHERE c.id = ?", ContactStore::map, id);
    }

    Optional<Contact> byParticipant(long participantId) {
        return db.one(SELECT + "JOIN contact_channel l ON l.contact_id = c.id WHERE l.participant_id = ?",
                ContactStore::map, participantId);
    }

    /** The few columns asked on every message of a flow that offers known details, and on each registration. */
    record Linked(String organisation, String name, String email, String phone, String website, String area,
                  String emailConfirmed) {
    }

    /**
     * The linked contact's {@link Linked} columns: a narrow read, since each column a row carries costs the driver a
     * call even when no row matches (the full {@link #byParticipant} was a tenth of an inbound message's statements).
     */
    Optional<Linked> linked(long participantId) {
        return db.one("SELECT c.organisation, c.name, c.email, c.phone, c.website, c.area, c.email_confirmed FROM contact c "
                + "JOIN contact_channel l ON l.contact_id = c.id WHERE l.participant_id = ?", rs -> new Linked(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                participantId);
    }

    /** What staff search contacts by; null or blank parts do not narrow. */
    record Filter(String email, String q, String area, String sector, String language) {
    }

    List<Contact> search(String email, String q, int limit) {
        return search(new Filter(email, q, null, null, null), 0, limit);
    }

    /** One page of matching contacts, by organisation. */
    List<Contact> search(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return db.query(SELECT + where + "ORDER BY lower(c.organisation), c.id LIMIT ? OFFSET ?", ContactStore::map,
                params.toArray());
    }

    long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        return db.count("SELECT count(*) FROM contact c " + where(filter, params), params.toArray());
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        if (present(f.email())) {
            where.append("AND c.email = ? ");
            params.add(f.email().strip().toLowerCase());
        }
        if (present(f.q())) {
            // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not
            where.append("AND (lower(c.organisation) LIKE lower(?) ESCAPE '\\' OR lower(c.name) LIKE lower(?) ESCAPE '\\' "
                    + "OR lower(c.email) LIKE lower(?) ESCAPE '\\' OR lower(c.area) LIKE lower(?) ESCAPE '\\' "
                    + "OR lower(c.cvc) LIKE lower(?) ESCAPE '\\') ");
            String like = "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.addAll(List.of(like, like, like, like, like));
        }
        if (present(f.area())) {
            where.append("AND (',' || lower(replace(COALESCE(c.area, ''), ' ', '')) || ',') LIKE ? ");
            params.add("%," + f.area().strip().toLowerCase() + ",%");
        }
        if (present(f.sector())) {
            where.append("AND (',' || lower(COALESCE(c.sectors, '')) || ',') LIKE ? ");
            params.add("%," + f.sector().strip().toLowerCase() + ",%");
        }
        if (present(f.language())) {
            where.append("AND lower(c.language) = lower(?) ");
            params.add(f.language().strip());
        }
        return where.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A registered contact; {@code proof} is how its address was confirmed (null: not confirmed). */
    long insert(Registration r, String proof, Instant now) {
        return db.insert("INSERT INTO contact (organisation, name, email, phone, website, area, description, language, "
                        + "subscribed, email_confirmed, email_confirmed_at, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.organisation(), r.name(), r.email(), r.phone(), r.website(), r.area(), r.description(), r.language(),
                r.newsletter(), proof, proof == null ? null : now, now, now);
    }

    /** Updates a contact; a non-null {@code proof} records the latest confirmation of its address. */
    void update(long id, Registration r, String proof, Instant now) {
        db.update("UPDATE contact SET organisation = COALESCE(?, organisation), name = COALESCE(?, name), "
                        + "phone = COALESCE(?, phone), website = COALESCE(?, website), area = COALESCE(?, area), "
                        + "description = COALESCE(?, description), language = COALESCE(?, language), subscribed = ?, "
                        + "email_confirmed = COALESCE(?, email_confirmed), email_confirmed_at = COALESCE(?, "
                        + "email_confirmed_at), updated_at = ? WHERE id = ?",
                r.organisation(), r.name(), r.phone(), r.website(), r.area(), r.description(), r.language(),
                r.newsletter(), proof, proof == null ? null : now, now, id);
    }

    /** Where a contact can be written to: each linked chat or identity, and its own email address (trimmed, lower case). */
    List<SubscriptionListener.Address> addresses(long contactId) {
        List<SubscriptionListener.Address> out = new ArrayList<>(db.query("SELECT p.channel, p.address FROM contact_channel cc "
                        + "JOIN " + ParticipantRelation.SQL + " p ON p.participant_id = cc.participant_id WHERE cc.contact_id = ?",
                rs -> new SubscriptionListener.Address(rs.getString(1), rs.getString(2)), contactId));
        db.one("SELECT lower(trim(email)) FROM contact WHERE id = ? AND email IS NOT NULL", rs -> rs.getString(1), contactId)
                .ifPresent(email -> out.add(new SubscriptionListener.Address("email", email)));
        return out.stream().distinct().toList();
    }

    List<Long> linkedParticipants(long contactId) {
        return db.query("SELECT participant_id FROM contact_channel WHERE contact_id = ? ORDER BY participant_id",
                rs -> rs.getLong(1), contactId);
    }

    void link(long contactId, long participantId) {
        db.update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?) "
                + "ON CONFLICT (participant_id) DO UPDATE SET contact_id = excluded.contact_id", contactId, participantId);
    }

    void recordConsent(long contactId, String purpose, boolean granted, String version, String channel, Instant now) {
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                contactId, purpose, granted, version, channel, now);
    }

    void holdEmail(String email, Instant now) {
        db.update("UPDATE contact SET email_on_hold = 1, updated_at = ? WHERE email = ?", now, email);
    }

    /** Addresses on hold since before {@code cutoff} are dropped (the hold with them), chunk by chunk; returns how many. */
    int dropHeldEmails(Instant cutoff, Instant now) {
        String heldLong = "email_on_hold = 1 AND updated_at < ?";
        return chunks.byId("SELECT id FROM contact WHERE " + heldLong + " AND id > ? ORDER BY id LIMIT ?", List.of(cutoff),
                "UPDATE contact SET email = NULL, email_on_hold = 0, updated_at = ? WHERE " + heldLong + " AND id IN ({ids})",
                now, cutoff);
    }

    List<ContactService.ConsentDecision> consentHistory(long contactId) {
        return db.query("SELECT purpose, granted, version, channel, recorded_at FROM consent WHERE contact_id = ? ORDER BY id",
                rs -> new ContactService.ConsentDecision(rs.getString(1), rs.getInt(2) == 1, rs.getString(3),
                        rs.getString(4), Db.instant(rs, "recorded_at")), contactId);
    }

    boolean mayReceiveNewsletter(long contactId, String channel) {
        return db.count("SELECT count(*) FROM contact c WHERE c.id = ? AND " + NewsletterConsent.allowed(channel),
                contactId) > 0;
    }

    List<String> heldEmails() {
        return db.query("SELECT email FROM contact WHERE email_on_hold = 1 AND email IS NOT NULL", rs -> rs.getString(1));
    }

    /** Chats on {@code channel} of the contacts holding this address, or linked to it as an email participant. */
    List<ContactService.LinkedChat> chatsOf(String email, String channel, String emailChannel) {
        return db.query("SELECT DISTINCT t.address, t.language FROM " + ParticipantRelation.SQL + " t "
                        + "JOIN contact_channel tc ON tc.participant_id = t.participant_id JOIN contact c ON c.id = tc.contact_id "
                        + "WHERE t.channel = ? AND (c.email = ? OR EXISTS (SELECT 1 FROM contact_channel ec JOIN "
                        + ParticipantRelation.SQL + " e ON e.participant_id = ec.participant_id WHERE ec.contact_id = c.id "
                        + "AND e.channel = ? AND e.address = ?))",
                rs -> new ContactService.LinkedChat(channel, rs.getString(1), rs.getString(2)),
                channel, email, emailChannel, email);
    }

    void setSubscribed(long contactId, boolean subscribed, Instant now) {
        db.update("UPDATE contact SET subscribed = ?, updated_at = ? WHERE id = ?", subscribed, now, contactId);
    }

    long insertImported(ImportRow r, Instant now) {
        return db.insert("INSERT INTO contact (organisation, name, email, phone, area, language, subscribed, email_confirmed, "
                        + "email_confirmed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.organisation(), r.name(), r.email(), r.phone(), r.area(), r.language(),
                Boolean.TRUE.equals(r.subscribed()), ContactImport.CONFIRMED_BY, now, now, now);
    }

    void updateImported(long id, ImportRow r, Instant now) {
        db.update("UPDATE contact SET organisation = COALESCE(?, organisation), name = COALESCE(?, name), "
                        + "phone = COALESCE(?, phone), area = COALESCE(?, area), language = COALESCE(?, language), "
                        + "subscribed = COALESCE(?, subscribed), email_confirmed = COALESCE(email_confirmed, ?), "
                        + "email_confirmed_at = COALESCE(email_confirmed_at, ?), updated_at = ? WHERE id = ?",
                r.organisation(), r.name(), r.phone(), r.area(), r.language(), r.subscribed(), ContactImport.CONFIRMED_BY,
                now, now, id);
    }

    long countCreatedSince(Instant since) {
        return db.count("SELECT count(*) FROM contact WHERE created_at >= ?", since);
    }

    private static Contact map(ResultSet rs) throws SQLException {
        String channels = rs.getString("channels");
        return new Contact(rs.getLong("id"), rs.getString("organisation"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("website"), rs.getString("area"), rs.getString("description"),
                rs.getString("language"), rs.getInt("subscribed") == 1, rs.getInt("email_on_hold") == 1,
                channels == null ? List.of() : List.of(channels.split(",")).stream().distinct().sorted().toList(),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"), rs.getString("email_confirmed"),
                Areas.values(rs.getString("sectors")));
    }

    /** Contacts registered in [from, to), by area ("(none)" without one). */
    java.util.Map<String, Long> newByArea(Instant from, Instant to) {
        // an organisation working in several areas ("conwy,gwynedd") counts once in each of them
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        db.query("SELECT COALESCE(area, '(none)'), count(*) FROM contact WHERE created_at >= ? AND created_at < ? "
                + "GROUP BY 1", rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)), from, to)
                .forEach(e -> {
                    for (String area : e.getKey().split(",")) {
                        String a = area.strip();
                        out.merge(a.isEmpty() ? "(none)" : a, e.getValue(), Long::sum);
                    }
                });
        return out;
    }

    /** Each contact registered in [from, to) as its stored areas and sectors (comma-separated, either may be null). */
    java.util.List<String[]> newAreasAndSectors(Instant from, Instant to) {
        return db.query("SELECT area, sectors FROM contact WHERE created_at >= ? AND created_at < ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, from, to);
    }
}
