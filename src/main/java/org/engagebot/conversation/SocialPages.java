package org.engagebot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social media pages given for a website: a handle with the site named ("@ourgroup on Instagram", "@eingrwp ar
 * Facebook") is that page's link; a sentence that names a site but gives no address ("we only have a Facebook page",
 * "dim ond tudalen Facebook sydd gennym") says there is no website. Stateless.
 */
final class SocialPages {
    /** Words that name a site, and the start of a handle's address there. */
    private static final Map<String, String> SITES = Map.of(
            "facebook", "https://www.facebook.com/", "fb", "https://www.facebook.com/",
            "instagram", "https://www.instagram.com/", "insta", "https://www.instagram.com/",
            "twitter", "https://x.com/", "tiktok", "https://www.tiktok.com/@", "youtube", "https://www.youtube.com/@");
    /** Sites whose name alone says "not a website", though a handle there has no address of its own here. */
    private static final List<String> NAMED_ONLY = List.of("linkedin", "whatsapp", "threads", "bluesky", "nextdoor");
    private static final Pattern HANDLE = Pattern.compile(
            "(?<![\\p{L}0-9_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\\p{L}0-9_@]|\\.\\p{L})");

    private SocialPages() {
    }

    /** The page a handle with its site named points to ("@ourgroup on Instagram"), if exactly one site is named. */
    static Optional<String> link(String text) {
        Matcher m = HANDLE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String handle = m.group(1);
        if (m.find()) {
            return Optional.empty();
        }
        List<String> bases = Fold.words(text).stream().map(SITES::get).filter(b -> b != null).distinct().toList();
        return bases.size() == 1 ? Optional.of(bases.get(0) + handle) : Optional.empty();
    }

    /** Whether the text names a social media site (so, with no address in it, there is no website to give). */
    static boolean namesASite(String text) {
        return Fold.words(text).stream().map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(w -> SITES.containsKey(w) || NAMED_ONLY.contains(w));
    }
}
