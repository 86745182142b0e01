package org.engagebot.conversation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the web address in what was typed ("our site is www.example.org.", "<https://example.org>") and gives
 * it a scheme when it has none. Several addresses are offered to choose from; with none, a social media handle
 * with its site named ("@ourgroup on Instagram") is that page's address; "www dot example dot org" is read as said.
 * Stateless.
 */
final class WebAddressReader {
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?i)(?<![@\\w.-])((?:https?://)?(?:[\\p{L}0-9](?:[\\p{L}0-9-]*[\\p{L}0-9])?\\.)+\\p{L}{2,}(?::\\d+)?(?:[/?#][^\\s<>\"]*)?)");

    /** "www dot example dot org", as said aloud. */
    private static final Pattern SAID_DOT = Pattern.compile("(?i)(?<=[\\p{L}0-9])\\s+dot\\s+(?=[\\p{L}0-9])");

    record Read(String url, List<String> candidates) {
    }

    Read read(String text) {
        Read read = typed(text);
        if (read.url() == null && read.candidates().isEmpty() && SAID_DOT.matcher(text).find()) {
            Read said = typed(SAID_DOT.matcher(text).replaceAll("."));
            return said.url() != null ? said : read;
        }
        return read;
    }

    private Read typed(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CANDIDATE.matcher(text.strip());
        while (m.find()) {
            if (m.end() < m.regionEnd() && text.strip().charAt(m.end()) == '@') {
                continue;
            }
            String url = normalise(m.group(1).replaceAll("[.,;:!?)\\]}'’]+$", ""));
            if (url != null) {
                found.add(url);
            }
        }
        if (found.size() == 1) {
            return new Read(found.iterator().next(), List.of());
        }
        if (found.isEmpty()) {
            return new Read(SocialPages.link(text).orElse(null), List.of());
        }
        return new Read(null, List.copyOf(found));
    }

    private static String normalise(String raw) {
        String candidate = raw.matches("(?i)^https?://.*") ? raw : "https://" + raw;
        if (candidate.length() > 500) {
            return null;
        }
        try {
            URI uri = new URI(candidate);
            String host = uri.getHost();
            if (host == null || !host.contains(".")) {
                return null;
            }
            String authority = uri.getRawAuthority();
            int rest = candidate.indexOf(authority) + authority.length();
            // "WWW.EXAMPLE.ORG" is stored as people expect to read it back; a path keeps its case
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT)
                    + candidate.substring(rest);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
