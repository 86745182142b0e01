package org.engagebot.staff;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ten one-time recovery codes per account, for when the authenticator is lost: 10 characters (50 bits) shown once
 * as "abcde-fghij", stored only as a keyed hash ({@link StaffKeys#hash}), so a database dump alone can neither show
 * nor test them. Using one marks it used in one conditional UPDATE, so two sign-ins can never both spend it.
 */
@Singleton
class RecoveryCodes {
    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Db db;
    private final StaffKeys keys;
    private final Clock clock;

    RecoveryCodes(Db db, StaffKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** Replaces the account's codes with ten new ones; call inside a write transaction. */
    List<String> replace(long staffId) {
        db.update("DELETE FROM staff_recovery_code WHERE staff_id = ?", staffId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String shown = code.substring(0, 5) + "-" + code.substring(5);
            db.insert("INSERT INTO staff_recovery_code (staff_id, code_hash) VALUES (?, ?)", staffId, hash(staffId, shown));
            codes.add(shown);
        }
        return codes;
    }

    boolean use(long staffId, String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (code.length() != 10) {
            return false;
        }
        return db.update("UPDATE staff_recovery_code SET used_at = ? WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL",
                clock.instant(), staffId, hash(staffId, code.substring(0, 5) + "-" + code.substring(5))) == 1;
    }

    int remaining(long staffId) {
        return (int) db.count("SELECT count(*) FROM staff_recovery_code WHERE staff_id = ? AND used_at IS NULL", staffId);
    }

    private String hash(long staffId, String code) {
        return keys.hash("recovery\u0000" + staffId + "\u0000" + code);
    }
}
