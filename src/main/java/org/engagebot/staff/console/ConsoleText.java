package org.engagebot.staff.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's own words in the signed-in person's language, from i18n/console_en and console_cy (kept in step by
 * the bundle guard test). Templates call {@code ${t.m('nav.dashboard')}} or {@code ${t.f('review.visits', 1, 2)}}.
 */
public final class ConsoleText {
    static final ConsoleText EN = new ConsoleText("en");
    static final ConsoleText CY = new ConsoleText("cy");
    private final String lang;
    private final ResourceBundle bundle;

    private ConsoleText(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle("i18n.console", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static ConsoleText of(String lang) {
        return "cy".equals(lang) ? CY : EN;
    }

    public String lang() {
        return lang;
    }

    /** The text for a key (MessageFormat, so '' is an apostrophe); the key itself when missing, so a slip shows. */
    public String m(String key) {
        return f(key);
    }

    /**
     * A stored word (a status, channel or language code such as "scheduled", "telegram", "en") as people read it:
     * the bundle's {@code word.<value>}, or the value itself when there is none (names and references stay as they are).
     */
    public String w(Object value) {
        if (value == null) {
            return "";
        }
        String v = value.toString();
        return bundle.containsKey("word." + v) ? bundle.getString("word." + v) : v;
    }

    /** Several stored words, each as {@link #w}, joined with ", ". */
    public String ws(java.util.Collection<?> values) {
        return values == null ? "" : String.join(", ", values.stream().map(this::w).toList());
    }

    /** A feature's English message (an import row's reason, say) as this bundle says it ({@link FeatureMessages}). */
    public String said(String message) {
        return FeatureMessages.said(message, this).text();
    }

    /** A record's detail written by a feature as parts joined by ", " ("answered yes, attended"), each part as {@link #said}. */
    public String parts(String detail) {
        if (detail == null) {
            return "";
        }
        return String.join(", ", java.util.Arrays.stream(detail.split(", ")).map(part -> {
            String said = said(part);
            return said.equals(part) ? w(part) : said;
        }).toList());
    }

    public String f(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
