package org.engagebot.newsletters;

import org.engagebot.channel.SendResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How staff see a failed newsletter row: bounced (address on hold at send time, or a bounce came back after it was
 * sent), unsubscribed, erased or other.
 */
enum FailureReason {
    BOUNCED("bounced"), UNSUBSCRIBED("unsubscribed"), ERASED("erased"), OTHER("other");

    static final String ERASED_REASON = "erased";

    final String label;

    FailureReason(String label) {
        this.label = label;
    }

    static FailureReason of(String lastError) {
        if (SendResult.Failed.ON_HOLD.equals(lastError)
                || lastError != null && lastError.startsWith(SendResult.Failed.BOUNCED)) {
            return BOUNCED;
        }
        if (StopOnUnsubscribe.REASON.equals(lastError)) {
            return UNSUBSCRIBED;
        }
        return ERASED_REASON.equals(lastError) ? ERASED : OTHER;
    }

    /** Sums failure counts per outbox reason into counts per label, every label present. */
    static Map<String, Long> tally(Map<String, Long> byReason) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FailureReason r : values()) {
            out.put(r.label, 0L);
        }
        byReason.forEach((reason, n) -> out.merge(of(reason).label, n, Long::sum));
        return out;
    }
}
