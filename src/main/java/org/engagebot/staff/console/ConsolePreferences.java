package org.engagebot.staff.console;

import jakarta.inject.Singleton;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.Db;

/** Each staff member's console language ("en" unless they chose Cymraeg), kept across sessions and devices. */
@Singleton
class ConsolePreferences {
    private final Db db;
    private final AuditLog audit;

    ConsolePreferences(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    String language(String username) {
        return db.one("SELECT language FROM console_preference WHERE username = ?", rs -> rs.getString(1), username)
                .filter(l -> l.equals("cy")).orElse("en");
    }

    void setLanguage(String username, String language) {
        String lang = "cy".equals(language) ? "cy" : "en";
        db.update("DELETE FROM console_preference WHERE username = ?", username);
        db.update("INSERT INTO console_preference (username, language) VALUES (?, ?)", username, lang);
        audit.record(username, "console.language", username, lang);
    }
}
