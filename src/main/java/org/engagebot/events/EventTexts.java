package org.engagebot.events;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Words the events feature's messages in both languages (bundle "events"); times as "Thursday 3 December 2026,
 * 10:00" / "dydd Iau 3 Rhagfyr 2026, 10:00" in UK time. Also the public links: the event page and the web forms.
 */
@Singleton
public class EventTexts {
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter CY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.forLanguageTag("cy"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_CY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy"));

    private final Messages messages;
    private final String publicUrl;

    EventTexts(Messages messages, @Value("${engagebot.public-url:http://localhost:8080}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A time as people read it, in UK time; a null language gives English. */
    public static String time(Instant instant, Language language) {
        return (language == Language.CY ? CY : EN).format(instant.atZone(EventRequest.ZONE));
    }

    public static String day(Instant instant, Language language) {
        return (language == Language.CY ? DAY_CY : DAY_EN).format(instant.atZone(EventRequest.ZONE));
    }

    /** A text built separately for each language. */
    public static Text both(Function<Language, String> build) {
        return new Text(build.apply(Language.EN), build.apply(Language.CY));
    }

    public String say(String key, Language l, Object... args) {
        return String.format(messages.get(key).in(l == null ? Language.EN : l), args);
    }

    /** The keyed text in both languages, formatted with arguments built per language. */
    public Text text(String key, Function<Language, Object[]> args) {
        return both(l -> say(key, l, args.apply(l)));
    }

    public Text get(String key) {
        return messages.get(key);
    }

    public String publicUrl() {
        return publicUrl;
    }

    String pageUrl(Event e, Language l) {
        return publicUrl + "/public/events/" + e.id() + "?lang=" + (l == null ? "cy" : l.code());
    }

    String formUrl(String flowId, Language l) {
        return publicUrl + "/forms/" + flowId + "?lang=" + (l == null ? "cy" : l.code());
    }
}
