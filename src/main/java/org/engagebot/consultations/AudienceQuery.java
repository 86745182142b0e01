package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactConsent;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.util.ArrayList;
import java.util.List;

/**
 * Contacts who may be contacted ({@link ContactConsent}), with their channels. Email needs an address not
 * on hold; Telegram needs a linked chat.
 */
@Singleton
class AudienceQuery {
    private static final String SQL = "SELECT c.id, c.email, c.language, c.area, c.tags, c.email_on_hold, "
            + "(SELECT string_agg(p.address, ',') FROM contact_channel cc JOIN participant p ON p.id = cc.participant_id "
            + "WHERE cc.contact_id = c.id AND p.channel = 'telegram') AS telegram FROM contact c "
            + "WHERE " + ContactConsent.allowed() + " ORDER BY c.id";

    private final Db db;

    AudienceQuery(Db db) {
        this.db = db;
    }

    /** One channel address to invite. */
    record Target(long contactId, String channel, String address, Language language) {
    }

    List<Target> targets(Audience audience) {
        List<Target> out = new ArrayList<>();
        db.query(SQL, rs -> {
            String language = rs.getString("language");
            if (!Audience.matchesAreas(audience.areas(), rs.getString("area"))
                    || !Audience.matches(audience.languages(), language) || !audience.matchesTags(rs.getString("tags"))) {
                return null;
            }
            long id = rs.getLong("id");
            Language lang = Language.parse(language).orElse(null);
            String email = rs.getString("email");
            if (email != null && rs.getInt("email_on_hold") == 0 && audience.allowsChannel("email")) {
                out.add(new Target(id, "email", email.toLowerCase(java.util.Locale.ROOT), lang));
            }
            String chats = rs.getString("telegram");
            if (chats != null && audience.allowsChannel("telegram")) {
                for (String chat : chats.split(",")) {
                    out.add(new Target(id, "telegram", chat, lang));
                }
            }
            return null;
        });
        return out;
    }
}
