package org.engagebot.newsletters;

import org.engagebot.platform.Db;

import java.time.Instant;

/** Contacts and Telegram links written straight to the tables, so tests do not depend on other features' flows. */
final class Fixtures {
    private Fixtures() {
    }

    static long contact(Db db, String email, String language, boolean subscribed, boolean onHold) {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        return db.insert("INSERT INTO contact (organisation, name, email, language, subscribed, email_on_hold, created_at, "
                + "updated_at) VALUES ('Org', 'Name', ?, ?, ?, ?, ?, ?)", email, language, subscribed, onHold, now, now);
    }

    /** A linked Telegram chat with newsletter consent given there, as registering on Telegram records it. */
    static void telegram(Db db, long contactId, long chatId, String language) {
        linkChat(db, contactId, chatId, language);
        telegramConsent(db, contactId);
    }

    /** A linked Telegram chat without newsletter consent for it (e.g. an imported contact who later chatted). */
    static void linkChat(Db db, long contactId, long chatId, String language) {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        long participant = db.insert("INSERT INTO participant (channel, address, language, created_at, last_seen_at) "
                + "VALUES ('telegram', ?, ?, ?, ?)", Long.toString(chatId), language, now, now);
        db.update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", contactId, participant);
    }

    static void consent(Db db, long contactId, boolean granted) {
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                + "VALUES (?, 'newsletter', ?, 'test', 'email', ?)", contactId, granted, Instant.parse("2026-11-02T10:00:00Z"));
    }

    /** Newsletter consent given on Telegram, as registering there records it. */
    static void telegramConsent(Db db, long contactId) {
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                + "VALUES (?, 'newsletter-telegram', 1, 'test', 'telegram', ?)", contactId, Instant.parse("2026-11-02T10:00:00Z"));
    }
}
