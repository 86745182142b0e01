package org.engagebot.visits;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human references for visit applications: VIS-2026-0007 (year, then a number counting from 1 each year). */
record VisitReference(int year, int sequence) {
    private static final Pattern FORMAT = Pattern.compile("^VIS-(\\d{4})-(\\d{4,})$");

    VisitReference {
        if (year < 1000 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("year must have 4 digits and sequence be positive");
        }
    }

    /** The reference after the highest one issued this year ({@code highestSoFar} 0 when none). */
    static VisitReference next(int year, int highestSoFar) {
        return new VisitReference(year, highestSoFar + 1);
    }

    static Optional<VisitReference> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new VisitReference(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return String.format("VIS-%d-%04d", year, sequence);
    }
}
