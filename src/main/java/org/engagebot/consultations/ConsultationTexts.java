package org.engagebot.consultations;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Text;
import org.engagebot.conversation.WelshMutations;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Words a consultation's messages in both languages; dates as "3 March 2026" / "3 Mawrth 2026" (UK time). */
@Singleton
class ConsultationTexts {
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter CY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy"));

    private final Messages messages;
    private final String publicUrl;

    ConsultationTexts(Messages messages, @Value("${engagebot.public-url:http://localhost:8080}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    static String date(Instant instant, Language language) {
        return (language == Language.CY ? CY : EN).format(instant.atZone(ConsultationRequest.ZONE));
    }

    /** A text built separately for each language. */
    static Text both(Function<Language, String> build) {
        return new Text(build.apply(Language.EN), build.apply(Language.CY));
    }

    String say(String key, Language l, Object... args) {
        return String.format(messages.get(key).in(l), args);
    }

    Text get(String key) {
        return messages.get(key);
    }

    String pageUrl(Consultation c, Language l) {
        return publicUrl + "/public/consultations/" + c.id() + "?lang=" + (l == null ? "cy" : l.code());
    }

    /** The invitation: what it is about, what can and cannot change, dates, questions and how to answer. */
    Text invitation(Consultation c, boolean byEmail) {
        return both(l -> {
            List<String> parts = new ArrayList<>();
            parts.add(say("consultations.invite.intro", l, c.title().in(l)));
            parts.add(c.summary().in(l));
            if (c.canChange() != null) {
                parts.add(say("consultations.invite.can-change", l) + "\n" + c.canChange().in(l));
            }
            if (c.cannotChange() != null) {
                parts.add(say("consultations.invite.cannot-change", l) + "\n" + c.cannotChange().in(l));
            }
            parts.add(say("consultations.invite.dates", l, date(c.opensAt(), l), date(c.closesAt(), l)));
            if (c.shortReason() != null) {
                parts.add(say("consultations.invite.short-reason", l, c.shortReason().in(l)));
            }
            if (byEmail) {
                parts.add(say("consultations.invite.questions", l) + "\n" + questions(c, l));
                parts.add(say("consultations.invite.how-email", l));
            } else {
                parts.add(say("consultations.invite.how-telegram", l));
            }
            parts.add(say("consultations.invite.online", l, formUrl(c, l)));
            parts.add(say("consultations.invite.more", l, pageUrl(c, l)));
            return String.join("\n\n", parts);
        });
    }

    /** The consultation's web form (channel/web), where anyone can answer it without Telegram or email. */
    String formUrl(Consultation c, Language l) {
        return publicUrl + "/forms/" + c.reference() + "?lang=" + (l == null ? "cy" : l.code());
    }

    String questions(Consultation c, Language l) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < c.questions().size(); i++) {
            Question q = c.questions().get(i);
            out.append(i + 1).append(". ").append(q.text().in(l));
            List<Text> options = options(q);
            if (!options.isEmpty()) {
                StringBuilder list = new StringBuilder();
                for (int j = 0; j < options.size(); j++) {
                    list.append(j == 0 ? "" : "; ").append(q.type().equals("scale") ? "" : (j + 1) + " - ")
                            .append(options.get(j).in(l));
                }
                out.append("\n   ").append(say(q.type().equals("multi") ? "consultations.invite.options-multi"
                        : "consultations.invite.options", l, list));
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    /**
     * The options a question offers: its own, or the five points of the scale as "4 - Agree", or "4 - Safe" when the
     * scale has its own labels (the number shown, stored and exported with the words).
     */
    List<Text> options(Question q) {
        if (q.type().equals("scale")) {
            List<Text> scale = new ArrayList<>();
            for (int i = 1; i <= Question.SCALE; i++) {
                scale.add(q.labelled() ? numbered(i, q.labels().get(i - 1))
                        : messages.get("consultations.scale." + i));
            }
            return scale;
        }
        return q.options();
    }

    private static Text numbered(int point, Text label) {
        return new Text(point + " - " + label.en(), point + " - " + label.cy());
    }

    /**
     * The options a question offers, as the engine and the email reader match them. The scale's points also answer
     * to what people say ("strongly agree", "cytuno'n gryf", "four", "4 out of 5"): its label without the number,
     * and the words in consultations.scale.N.say (English in the _en bundle, Welsh in the _cy one). A scale with its
     * own labels answers to those labels and to the point's number in words (consultations.scale.N.number), never to
     * agree/disagree words, which mean nothing on a "Very unsafe … Very safe" scale.
     */
    List<Option> choiceOptions(Question q) {
        List<Text> labels = options(q);
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> aliases = new ArrayList<>();
            if (q.type().equals("scale")) {
                int point = i + 1;
                aliases.add(labels.get(i).en().replaceFirst("^\\d+\\s*-\\s*", ""));
                aliases.add(labels.get(i).cy().replaceFirst("^\\d+\\s*-\\s*", ""));
                if (q.labelled()) {
                    aliases.add(WelshMutations.softMutated(q.labels().get(i).cy()));
                }
                Text said = messages.get("consultations.scale." + point + (q.labelled() ? ".number" : ".say"));
                for (String phrase : (said.en() + "," + said.cy()).split(",")) {
                    if (!phrase.isBlank()) {
                        aliases.add(phrase.strip());
                    }
                }
                for (String form : List.of("%d out of 5", "%d/5", "%d allan o 5", "%d o 5", "%d out of five")) {
                    aliases.add(form.formatted(point));
                }
            }
            out.add(new Option(Integer.toString(i + 1), labels.get(i), aliases));
        }
        return q.labelled() ? withoutSharedAliases(out) : out;
    }

    /**
     * Staff's labels are free text, so an alias made from one point (its mutated Welsh) could be another point's
     * words: such an alias is dropped from both, as a wrongly stored point is worse than asking again.
     */
    private static List<Option> withoutSharedAliases(List<Option> options) {
        java.util.Map<String, Integer> owners = new java.util.HashMap<>();
        for (Option o : options) {
            java.util.Set<String> own = new java.util.HashSet<>();
            own.add(o.label().en().toLowerCase(Locale.ROOT));
            own.add(o.label().cy().toLowerCase(Locale.ROOT));
            o.aliases().forEach(a -> own.add(a.toLowerCase(Locale.ROOT)));
            own.forEach(a -> owners.merge(a, 1, Integer::sum));
        }
        return options.stream().map(o -> new Option(o.value(), o.label(), o.aliases().stream()
                .filter(a -> owners.get(a.toLowerCase(Locale.ROOT)) == 1).toList())).toList();
    }

    /** An answer as people read it: option labels for choices, the text otherwise. */
    String display(Question q, String value, Language l) {
        if (value == null || !q.hasOptions()) {
            return value;
        }
        List<Text> options = options(q);
        List<String> out = new ArrayList<>();
        for (String v : value.split(",")) {
            String s = v.strip();
            if (s.matches("\\d{1,2}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= options.size()) {
                out.add(options.get(Integer.parseInt(s) - 1).label(l));
            } else {
                return value;
            }
        }
        return String.join(", ", out);
    }
}
