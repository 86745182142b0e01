package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.contacts.NewsletterConsent;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages through the contacts a newsletter may go to, in contact id order, so a send never holds the whole
 * audience in memory and can resume after the last id it finished. A contact gets each channel
 * {@link NewsletterConsent} allows (the rule /subscribe and /unsubscribe answer by too).
 * Their email gets the email version unless on hold (then skipped and counted); each linked Telegram chat gets
 * the Telegram version. A contact with neither is counted as having no channel. The language filter and the
 * rendering both use {@link #LANGUAGE}; a contact of unknown language matches no language filter.
 */
@Singleton
class AudienceQuery {
    /**
     * A contact's language for choosing and rendering a newsletter: the contact's own, else the one last chosen
     * (/language) on their most recently active linked channel; null (both languages) when neither is known.
     */
    static final String LANGUAGE = "COALESCE(c.language, (SELECT lp.language FROM contact_channel lc JOIN participant lp "
            + "ON lp.id = lc.participant_id WHERE lc.contact_id = c.id AND lp.language IS NOT NULL "
            + "ORDER BY lp.last_seen_at DESC, lp.id DESC LIMIT 1))";

    private final Db db;

    AudienceQuery(Db db) {
        this.db = db;
    }

    private record Row(long id, String email, boolean onHold, String language, boolean emailOk, boolean telegramOk) {
    }

    private record Chat(long contactId, String chatId) {
    }

    AudienceBatch next(Audience audience, long afterContactId, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(afterContactId);
        String where = filters(audience, params);
        params.add(limit);
        // the consent columns as 0/1 in a subquery: PostgreSQL neither compares a boolean with 1 nor lets WHERE
        // name a column alias (SQLite does both)
        List<Row> rows = db.query("SELECT * FROM (SELECT c.id, c.email, c.email_on_hold, " + LANGUAGE + " AS lang, CASE WHEN "
                + NewsletterConsent.allowed("email") + " THEN 1 ELSE 0 END AS email_ok, CASE WHEN "
                + NewsletterConsent.allowed("telegram") + " THEN 1 ELSE 0 END AS telegram_ok FROM contact c "
                + "WHERE c.subscribed = 1 AND c.id > ?" + where
                + ") a WHERE email_ok = 1 OR telegram_ok = 1 ORDER BY id LIMIT ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5) == 1,
                        rs.getInt(6) == 1), params.toArray());
        if (rows.isEmpty()) {
            return new AudienceBatch(List.of(), afterContactId, 0, 0, 0);
        }
        long last = rows.get(rows.size() - 1).id();
        Map<Long, List<Chat>> chats = audience.allowsChannel("telegram") ? chats(afterContactId, last) : Map.of();
        List<Recipient> out = new ArrayList<>();
        int onHold = 0;
        int noChannel = 0;
        for (Row row : rows) {
            int before = out.size();
            Language language = Language.parse(row.language()).orElse(null);
            boolean held = false;
            if (row.emailOk() && row.email() != null && !row.email().isBlank() && audience.allowsChannel("email")) {
                if (row.onHold()) {
                    held = true;
                } else {
                    out.add(new Recipient(row.id(), "email", row.email().strip().toLowerCase(), language));
                }
            }
            for (Chat chat : row.telegramOk() ? chats.getOrDefault(row.id(), List.<Chat>of()) : List.<Chat>of()) {
                out.add(new Recipient(row.id(), "telegram", chat.chatId(), language));
            }
            if (held) {
                onHold++;
            } else if (out.size() == before) {
                noChannel++;
            }
        }
        return new AudienceBatch(out, last, rows.size(), onHold, noChannel);
    }

    private Map<Long, List<Chat>> chats(long after, long upTo) {
        Map<Long, List<Chat>> byContact = new HashMap<>();
        db.query("SELECT cc.contact_id, p.address FROM contact_channel cc JOIN participant p ON p.id = "
                        + "cc.participant_id WHERE p.channel = 'telegram' AND cc.contact_id > ? AND cc.contact_id <= ?",
                rs -> new Chat(rs.getLong(1), rs.getString(2)), after, upTo)
                .forEach(c -> byContact.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(c));
        return byContact;
    }

    private static String filters(Audience audience, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (!audience.areas().isEmpty()) {
            // a contact may work in several areas, stored comma-separated ("conwy,gwynedd")
            where.append(" AND (").append(String.join(" OR ", Collections.nCopies(audience.areas().size(),
                    "(',' || lower(replace(COALESCE(c.area, ''), ' ', '')) || ',') LIKE ?"))).append(")");
            audience.areas().forEach(a -> params.add("%," + a.strip().toLowerCase(java.util.Locale.ROOT) + ",%"));
        }
        if (!audience.languages().isEmpty()) {
            where.append(" AND lower(").append(LANGUAGE).append(") IN (").append(marks(audience.languages().size())).append(")");
            params.addAll(audience.languages());
        }
        if (!audience.tags().isEmpty()) {
            where.append(" AND (").append(String.join(" OR ", Collections.nCopies(audience.tags().size(),
                    "(',' || lower(replace(COALESCE(c.tags, ''), ' ', '')) || ',') LIKE ?"))).append(")");
            audience.tags().forEach(t -> params.add("%," + t.replace(" ", "") + ",%"));
        }
        return where.toString();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
