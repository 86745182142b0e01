package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.util.Optional;
import java.util.function.Supplier;

/** Values that must survive restarts (newsletter_setting). The first writer of a name wins. */
@Singleton
class SettingStore {
    private final Db db;

    SettingStore(Db db) {
        this.db = db;
    }

    Optional<String> get(String name) {
        return db.one("SELECT value FROM newsletter_setting WHERE name = ?", rs -> rs.getString(1), name);
    }

    String getOrCreate(String name, Supplier<String> generator) {
        db.update("INSERT INTO newsletter_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name,
                generator.get());
        return get(name).orElseThrow();
    }
}
