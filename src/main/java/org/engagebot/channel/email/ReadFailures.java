package org.engagebot.channel.email;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each IMAP message (UIDVALIDITY:UID) has failed to be read, and with what, so that one that keeps
 * failing can be quarantined instead of tried for ever. In memory (a restart starts again), bounded to the 10,000
 * most recently failed. One thread.
 */
final class ReadFailures {

    record Failure(int count, String lastError) {
    }

    private final Map<String, Failure> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > 10_000;
        }
    };

    Failure get(String key) {
        return failures.get(key);
    }

    /** Counts one more failure of {@code key}, remembering only the throwable's class. */
    Failure record(String key, Throwable t) {
        Failure before = failures.get(key);
        Failure now = new Failure(before == null ? 1 : before.count() + 1, t.getClass().getSimpleName());
        failures.put(key, now);
        return now;
    }

    void forget(String key) {
        failures.remove(key);
    }
}
