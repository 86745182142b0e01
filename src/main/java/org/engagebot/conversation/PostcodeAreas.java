package org.engagebot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which option of a list (e.g. areas) a UK postcode lies in, from a table of postcode districts ("LL57") and postcode
 * areas ("CF", standing for every district of it not listed) in conversations/lists/. Finds the postcode in free text
 * (an address, "we're in LL18"); the last one wins, as an address ends with it. Immutable and thread-safe.
 *
 * @param list      the option list the values belong to (its name in lists/)
 * @param districts district or area letters, upper case, to the values it lies in (several when it is split)
 */
record PostcodeAreas(String list, Map<String, List<String>> districts) {
    private static final Pattern FULL = Pattern.compile("(?i)(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})(?![A-Z0-9])");
    private static final Pattern OUTWARD = Pattern.compile("(?i)(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?)(?![A-Z0-9])");

    PostcodeAreas {
        districts = Map.copyOf(districts);
    }

    /** A postcode found in text: its district as written in upper case, and the values it lies in. */
    record Found(String district, List<String> values) {
        /** The one value it lies in, unless the district is split between several. */
        Optional<String> single() {
            return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
        }
    }

    Optional<Found> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String spaced = text.replaceAll("\\s+", " ");
        Optional<Found> full = last(FULL.matcher(spaced));
        return full.isPresent() ? full : last(OUTWARD.matcher(spaced));
    }

    private Optional<Found> last(Matcher m) {
        Found found = null;
        while (m.find()) {
            String district = m.group(1).toUpperCase(Locale.ROOT);
            List<String> values = lookUp(district);
            if (values != null) {
                found = new Found(district, values);
            }
        }
        return Optional.ofNullable(found);
    }

    private List<String> lookUp(String district) {
        List<String> exact = districts.get(district);
        return exact != null ? exact : districts.get(district.replaceAll("[0-9].*$", ""));
    }
}
