package org.engagebot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the answer to "Cymraeg or English?" as people type it: "Cymraeg plis", "Welsh please", "yn Gymraeg",
 * "English!", "Saesneg os gwelwch yn dda", or the Welsh or English flag. Only one language may be named, with
 * nothing else but courtesy around it ("not Welsh", "both", "dim Cymraeg" name none). Stateless.
 */
final class LanguageAnswer {
    private static final Set<String> WELSH = Set.of("cymraeg", "gymraeg", "ngymraeg", "welsh", "cy", "cym");
    private static final Set<String> ENGLISH = Set.of("english", "saesneg", "en", "eng", "susnag", "saesnag");
    private static final Set<String> AROUND = Set.of("yn", "in", "please", "plis", "pls", "plz", "os", "gwelwch", "chi",
            "n", "chin", "dda", "thanks", "thank", "you", "ta", "diolch", "fawr", "language", "iaith", "the", "hoffwn", "id",
            "i", "would", "like", "prefer", "speak", "siarad", "dwi", "dw", "rwy", "rwyn", "eisiau", "isio", "moyn",
            "want", "ok", "okay", "iawn", "hi", "helo", "hello", "shwmae", "su", "mae", "bore", "da", "only",
            "unig", "use", "defnyddio", "trwy", "drwy", "gyfrwng", "cyfrwng", "r", "yr", "y",
            // "mae'n well gen i Gymraeg", "byddai'n well gennym ni'r Saesneg", "I'd rather English", "Welsh is fine"
            "maen", "well", "gwell", "gen", "gennyf", "gennym", "ni", "nir", "gyda", "fi", "byddain", "byddai", "fyddain",
            "bydden", "rather", "preferably", "is", "fine", "for", "me", "us", "we", "can", "wed",
            "dewis", "dewisaf", "fel", "arfer", "sgwrsio", "ysgrifennu", "write", "talk", "chat",
            // "yes please, but only in English", "Ie, Cymraeg": a yes to being asked, then the language
            "yes", "yeah", "yep", "ie", "ia", "ydw", "but", "ond", "just");
    private static final String WALES_FLAG = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73";
    private static final String ENGLAND_FLAG = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67";
    private static final String UK_FLAG = "\uD83C\uDDEC\uD83C\uDDE7";

    private LanguageAnswer() {
    }

    static Optional<Language> read(String typed) {
        if (typed == null || typed.length() > 200) {
            return Optional.empty();
        }
        Language found = typed.contains(WALES_FLAG) ? Language.CY
                : typed.contains(ENGLAND_FLAG) || typed.contains(UK_FLAG) ? Language.EN : null;
        List<String> words = Fold.words(Fold.unstretched(typed));
        for (String w : words) {
            Language named = WELSH.contains(w) ? Language.CY : ENGLISH.contains(w) ? Language.EN : slip(w);
            if (named == null && !AROUND.contains(w)) {
                return Optional.empty();
            }
            if (named != null && found != null && found != named) {
                return Optional.empty();
            }
            found = named == null ? found : named;
        }
        return Optional.ofNullable(found);
    }

    /** A one-letter slip in the full name of a language ("cymrag", "Cymreag", "englsh"); short words never. */
    private static Language slip(String w) {
        if (w.length() < 5 || AROUND.contains(w)) {
            return null;
        }
        return Typos.distance(w, "cymraeg") == 1 ? Language.CY
                : Typos.distance(w, "english") == 1 || Typos.distance(w, "saesneg") == 1 ? Language.EN : null;
    }
}
