package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.ParticipantRelation;
import org.engagebot.platform.Db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may be contacted, on which channel, for which purpose, in which language: the one query behind every audience
 * (newsletters, consultations, events). A contact is reached by email at its address unless the address is on hold
 * (then counted, not sent), and on Telegram at each linked chat. The consent rule depends on the purpose only:
 * {@link Purpose#NEWSLETTER} asks {@link NewsletterConsent} per channel (PECR: marketing-like, opt-in per channel,
 * email only once confirmed); {@link Purpose#ENGAGEMENT} (consultations, events) asks {@link ContactConsent} for both.
 * The language is the contact's own, else the one last chosen on its most recently active chat
 * ({@link ContactConsent#language()}); null means both. Filters narrow in SQL: several areas, sectors or tags match
 * any one of them; a contact of unknown language matches no language filter. Pages go in contact id order, so a
 * send never holds the whole audience in memory and can resume after the last id it finished.
 */
@Singleton
public class Reachability {
    public enum Purpose { NEWSLETTER, ENGAGEMENT }

    /** Who: each list given narrows; an absent or empty list does not. Values as stored, compared without case. */
    @Serdeable
    public record Filter(@Nullable List<String> areas, @Nullable List<String> sectors, @Nullable List<String> tags,
                         @Nullable List<String> languages, @Nullable List<String> channels) {
        public static final Filter EVERYONE = new Filter(null, null, null, null, null);

        public Filter {
            areas = clean(areas);
            sectors = clean(sectors);
            tags = clean(tags);
            languages = clean(languages);
            channels = clean(channels);
        }

        public boolean allows(String channel) {
            return channels.isEmpty() || channels.contains(channel);
        }

        private static List<String> clean(List<String> values) {
            return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                    .map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        }
    }

    /** One address to send to: a contact on a channel, in its language (null: both). */
    public record Reachable(long contactId, String channel, String address, @Nullable Language language) {
    }

    /**
     * One page: contacts with ids in (previous cursor, {@code lastContactId}]; {@code contacts} is how many the page
     * held (0: the audience is exhausted); {@code onHold} and {@code noChannel} count contacts skipped.
     */
    public record Batch(List<Reachable> recipients, long lastContactId, int contacts, int onHold, int noChannel) {
    }

    private final Db db;

    Reachability(Db db) {
        this.db = db;
    }

    private record Row(long id, String email, boolean onHold, String language, boolean emailOk, boolean telegramOk) {
    }

    public Batch page(Purpose purpose, Filter filter, long afterContactId, int limit) {
        String emailOk = purpose == Purpose.NEWSLETTER ? NewsletterConsent.allowed("email") : ContactConsent.allowed();
        String telegramOk = purpose == Purpose.NEWSLETTER ? NewsletterConsent.allowed("telegram") : ContactConsent.allowed();
        List<Object> params = new ArrayList<>();
        params.add(afterContactId);
        String where = filters(filter, params);
        params.add(limit);
        List<Row> rows = db.query("SELECT c.id, c.email, c.email_on_hold, " + ContactConsent.language() + " AS lang, "
                        + "CASE WHEN " + emailOk + " THEN 1 ELSE 0 END AS email_ok, CASE WHEN " + telegramOk
                        + " THEN 1 ELSE 0 END AS telegram_ok FROM contact c WHERE c.id > ?" + where
                        + " AND (" + emailOk + " OR " + telegramOk + ") ORDER BY c.id LIMIT ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5) == 1,
                        rs.getInt(6) == 1), params.toArray());
        if (rows.isEmpty()) {
            return new Batch(List.of(), afterContactId, 0, 0, 0);
        }
        long last = rows.get(rows.size() - 1).id();
        Map<Long, List<String>> chats = filter.allows("telegram") ? chats(afterContactId, last) : Map.of();
        List<Reachable> out = new ArrayList<>();
        int onHold = 0;
        int noChannel = 0;
        for (Row row : rows) {
            int before = out.size();
            Language language = Language.parse(row.language()).orElse(null);
            boolean held = false;
            if (row.emailOk() && row.email() != null && !row.email().isBlank() && filter.allows("email")) {
                if (row.onHold()) {
                    held = true;
                } else {
                    out.add(new Reachable(row.id(), "email", row.email().strip().toLowerCase(Locale.ROOT), language));
                }
            }
            for (String chat : row.telegramOk() ? chats.getOrDefault(row.id(), List.of()) : List.<String>of()) {
                out.add(new Reachable(row.id(), "telegram", chat, language));
            }
            if (held) {
                onHold++;
            } else if (out.size() == before) {
                noChannel++;
            }
        }
        return new Batch(out, last, rows.size(), onHold, noChannel);
    }

    /** Every address of the audience, page by page (for audiences invited at once: consultations, events). */
    public List<Reachable> all(Purpose purpose, Filter filter) {
        List<Reachable> out = new ArrayList<>();
        long cursor = 0;
        while (true) {
            Batch b = page(purpose, filter, cursor, 1000);
            if (b.contacts() == 0) {
                return out;
            }
            out.addAll(b.recipients());
            cursor = b.lastContactId();
        }
    }

    /** A contact's address on a channel and its language, whatever its consent (to preview what it would get). */
    public Optional<Reachable> address(long contactId, String channel) {
        if ("telegram".equals(channel)) {
            return db.one("SELECT p.address, " + ContactConsent.language() + " FROM contact c JOIN contact_channel cc ON "
                    + "cc.contact_id = c.id JOIN " + ParticipantRelation.SQL + " p ON p.participant_id = cc.participant_id "
                    + "WHERE c.id = ? AND p.channel = 'telegram' ORDER BY p.participant_id LIMIT 1", rs -> new Reachable(contactId, "telegram", rs.getString(1),
                    Language.parse(rs.getString(2)).orElse(null)), contactId);
        }
        return db.one("SELECT lower(trim(c.email)), " + ContactConsent.language() + " FROM contact c WHERE c.id = ? "
                + "AND c.email IS NOT NULL AND trim(c.email) <> ''", rs -> new Reachable(contactId, "email", rs.getString(1),
                Language.parse(rs.getString(2)).orElse(null)), contactId);
    }

    private Map<Long, List<String>> chats(long after, long upTo) {
        Map<Long, List<String>> byContact = new HashMap<>();
        db.query("SELECT cc.contact_id, p.address FROM contact_channel cc JOIN " + ParticipantRelation.SQL + " p ON "
                        + "p.participant_id = cc.participant_id WHERE p.channel = 'telegram' AND cc.contact_id > ? "
                        + "AND cc.contact_id <= ? ORDER BY p.participant_id",
                rs -> Map.entry(rs.getLong(1), rs.getString(2)), after, upTo)
                .forEach(e -> byContact.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byContact;
    }

    private static String filters(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder();
        anyOf(where, params, "c.area", f.areas());
        anyOf(where, params, "c.sectors", f.sectors());
        anyOf(where, params, "c.tags", f.tags());
        if (!f.languages().isEmpty()) {
            where.append(" AND lower(").append(ContactConsent.language()).append(") IN (")
                    .append(String.join(", ", Collections.nCopies(f.languages().size(), "?"))).append(")");
            params.addAll(f.languages());
        }
        return where.toString();
    }

    /** A comma-separated column ("conwy,gwynedd") holds any one of the values. */
    private static void anyOf(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" AND (").append(String.join(" OR ", Collections.nCopies(values.size(),
                "(',' || lower(replace(COALESCE(" + column + ", ''), ' ', '')) || ',') LIKE ?"))).append(")");
        values.forEach(v -> params.add("%," + v.replace(" ", "") + ",%"));
    }
}
