package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactConsent;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Who an event's invitation goes to: contacts the office may contact ({@link ContactConsent}, the rule
 * consultations use), narrowed by the audience's areas, languages, channels and tags in SQL. Each gets their
 * email (unless on hold) and every linked Telegram chat, in their language ({@link ContactConsent#language()}).
 */
@Singleton
class EventAudience {
    private final Db db;

    EventAudience(Db db) {
        this.db = db;
    }

    /** One channel address to invite. */
    record Target(long contactId, String channel, String address, Language language) {
    }

    List<Target> targets(Audience audience) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT c.id, c.email, c.email_on_hold, " + ContactConsent.language() + " AS lang, "
                + "(SELECT string_agg(p.address, ',') FROM contact_channel cc JOIN participant p ON p.id = "
                + "cc.participant_id WHERE cc.contact_id = c.id AND p.channel = 'telegram') AS chats FROM contact c "
                + "WHERE " + ContactConsent.allowed() + where(audience, params) + " ORDER BY c.id";
        List<Target> out = new ArrayList<>();
        db.query(sql, rs -> {
            long id = rs.getLong("id");
            Language lang = Language.parse(rs.getString("lang")).orElse(null);
            String email = rs.getString("email");
            if (email != null && !email.isBlank() && rs.getInt("email_on_hold") == 0 && audience.allows("email")) {
                out.add(new Target(id, "email", email.strip().toLowerCase(Locale.ROOT), lang));
            }
            String chats = rs.getString("chats");
            if (chats != null && audience.allows("telegram")) {
                for (String chat : chats.split(",")) {
                    out.add(new Target(id, "telegram", chat, lang));
                }
            }
            return null;
        }, params.toArray());
        return out;
    }

    private static String where(Audience audience, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (!audience.areas().isEmpty()) {
            where.append(" AND lower(c.area) IN (").append(marks(audience.areas().size())).append(")");
            params.addAll(audience.areas());
        }
        if (!audience.languages().isEmpty()) {
            where.append(" AND lower(").append(ContactConsent.language()).append(") IN (")
                    .append(marks(audience.languages().size())).append(")");
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
