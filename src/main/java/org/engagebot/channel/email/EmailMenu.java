package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.FormMode;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The words an email is read for (which flow, confirm, cancel) and the short bilingual menu. */
@Singleton
class EmailMenu {
    private static final Set<String> CANCEL = Set.of("/cancel", "cancel", "/canslo", "canslo", "stop");
    private static final Set<String> UNSUBSCRIBE = Set.of("unsubscribe", "/unsubscribe", "dad-danysgrifio",
            "dad danysgrifio", "/dad_danysgrifio", "/dad-danysgrifio", "unsubscribe me", "stop newsletter");
    private static final Set<String> MY_DATA = Set.of("my data", "fy nata", "/mydata", "/fynata", "mydata", "fynata",
            "my data please", "send my data", "anfonwch fy nata");

    private final FlowRegistry flows;
    private final Messages messages;
    private final FormText text;
    private final FormMode form;
    private final Map<String, Set<String>> formLines = new ConcurrentHashMap<>();

    EmailMenu(FlowRegistry flows, Messages messages, FormText text, FormMode form) {
        this.form = form;
        this.flows = flows;
        this.messages = messages;
        this.text = text;
    }

    /** The flow a mail asks for by command or keyword, in its subject or the first line of its new text. */
    Optional<FlowDefinition> flowNamed(String subject, String trimmed) {
        return named(bareSubject(subject)).or(() -> named(firstLine(trimmed)));
    }

    private Optional<FlowDefinition> named(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        Input in = Input.fromText(line.strip());
        if (in instanceof Input.Command c) {
            return flows.byCommand(c.name());
        }
        return flows.byKeyword(line.strip().replaceAll("[.!]+$", ""));
    }

    /**
     * The chat command an email asks for in words, by the subject or the first line of its new text: "unsubscribe"
     * (the newsletter's mailto target) or a request for one's data ("my data", "fy nata", /mydata).
     */
    Optional<String> command(String subject, String trimmed) {
        return isUnsubscribe(subject, trimmed) ? Optional.of("unsubscribe")
                : isMyData(subject, trimmed) ? Optional.of("mydata") : Optional.empty();
    }

    /** An unsubscribe request (the newsletter's mailto target): the subject, or the first line of the new text. */
    boolean isUnsubscribe(String subject, String trimmed) {
        return UNSUBSCRIBE.contains(word(bareSubject(subject))) || UNSUBSCRIBE.contains(word(firstLine(trimmed)));
    }

    /** A request for one's own data ("my data", "fy nata", /mydata): the subject or the first line. */
    boolean isMyData(String subject, String trimmed) {
        return MY_DATA.contains(word(bareSubject(subject))) || MY_DATA.contains(word(firstLine(trimmed)));
    }

    /** A summary confirmed by the first line of the new text, with the chat's words (the engine's form mode). */
    boolean isConfirm(String trimmed) {
        return form.confirms(firstLine(trimmed));
    }

    boolean isCancel(String trimmed) {
        return CANCEL.contains(word(firstLine(trimmed)));
    }

    OutboundMessage cancelled(Language language, boolean hadForm) {
        Text said = messages.get(hadForm ? "cancel.done" : "cancel.nothing");
        return OutboundMessage.text(FormText.both(said, language) + "\n\n" + menuText(language));
    }

    OutboundMessage menu(Language language) {
        return OutboundMessage.text(FormText.both(messages.get("email.menu.heading"), language) + "\n\n" + menuText(language));
    }

    private String menuText(Language language) {
        StringBuilder out = new StringBuilder();
        for (FlowDefinition flow : flows.menu()) {
            List<String> words = flow.keywords().isEmpty() ? flow.commands() : flow.keywords();
            String ways = String.join(" / ", words.stream().limit(2).map(w -> w.toUpperCase(Locale.ROOT)).toList());
            out.append("• ").append(flow.title().label(language)).append(": ").append(ways).append('\n');
        }
        return out.append('\n').append(FormText.both(messages.get("email.menu.how"), language)).toString();
    }

    /** Every line a form for this flow can contain, so a reply that pastes the form back is not read as answers. */
    Set<String> formLines(FlowDefinition flow) {
        return formLines.computeIfAbsent(flow.id(), id -> {
            Set<String> lines = new HashSet<>();
            for (Language language : new Language[]{null, Language.EN, Language.CY}) {
                for (boolean first : new boolean[]{true, false}) {
                    String form = text.form(flow, flow.steps(), Map.of(), Map.of(), language, first);
                    Arrays.stream(form.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
                }
            }
            return lines;
        });
    }

    private static String bareSubject(String subject) {
        return subject == null ? "" : subject.replaceFirst("(?i)^\\s*((re|fwd?|fw|aw|sv|ateb|ymlaen)\\s*:\\s*)+", "");
    }

    private static String firstLine(String text) {
        return text == null ? "" : Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
    }

    private static String word(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
    }
}
