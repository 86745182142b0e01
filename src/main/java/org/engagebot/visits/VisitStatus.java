package org.engagebot.visits;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a visit application stands: received → shortlisted → scheduled → visited, or declined from any
 * open status. A scheduled visit may be scheduled again (a new date, time or place). Visited and declined
 * are final.
 */
public enum VisitStatus {
    RECEIVED, SHORTLISTED, SCHEDULED, VISITED, DECLINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return this != VISITED && this != DECLINED;
    }

    public boolean canMoveTo(VisitStatus next) {
        return next != null && allowedNext().contains(next);
    }

    public Set<VisitStatus> allowedNext() {
        return switch (this) {
            case RECEIVED -> Set.of(SHORTLISTED, DECLINED);
            case SHORTLISTED -> Set.of(SCHEDULED, DECLINED);
            case SCHEDULED -> Set.of(SCHEDULED, VISITED, DECLINED);
            case VISITED, DECLINED -> Set.of();
        };
    }

    public static Optional<VisitStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (VisitStatus s : values()) {
            if (s.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
