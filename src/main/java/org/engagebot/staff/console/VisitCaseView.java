package org.engagebot.staff.console;

import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.visits.VisitApplication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A visit application as an office worker reads it: each answer under the visit flow's own label, in the flow's
 * order and the staff member's language, once each; the applicant's language and channel in words.
 */
@Singleton
class VisitCaseView {
    static final String FLOW = "visit";
    private final FlowRegistry flows;

    VisitCaseView(FlowRegistry flows) {
        this.flows = flows;
    }

    record Row(String id, String label, String value) {
    }

    List<Row> answers(VisitApplication a, Language staff) {
        Map<String, String> left = new LinkedHashMap<>(a.answers());
        List<Row> rows = new ArrayList<>();
        FlowDefinition flow = flows.find(FLOW).orElse(null);
        if (flow != null) {
            for (Step step : flow.steps()) {
                String value = left.remove(step.id());
                if (value != null && !value.isBlank()) {
                    String label = step.label() == null ? humanise(step.id()) : step.label().in(staff);
                    rows.add(new Row(step.id(), label, shown(step, value, staff)));
                }
            }
        }
        // Answers from an older version of the flow: still shown, under a readable name rather than the raw key.
        left.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                rows.add(new Row(k, humanise(k), v));
            }
        });
        return rows;
    }

    static String language(Language l) {
        return language(l, ConsoleText.EN);
    }

    /** The applicant's language in the reader's words. */
    static String language(Language l, ConsoleText t) {
        return t.m(l == null ? "case.language.none" : l == Language.CY ? "case.language.cy" : "case.language.en");
    }

    static String channel(String channel) {
        return channel(channel, ConsoleText.EN);
    }

    /** The channel a case came by, in the reader's words; an unknown one as it is stored, made readable. */
    static String channel(String channel, ConsoleText t) {
        if (channel == null || channel.isBlank()) {
            return t.m("case.channel.unknown");
        }
        return switch (channel) {
            case "telegram", "email", "console", "web", "staff" -> t.m("case.channel." + channel);
            default -> humanise(channel);
        };
    }

    private static String shown(Step step, String value, Language staff) {
        if (step.type() instanceof StepType.YesNo) {
            boolean yes = value.equalsIgnoreCase("yes");
            return staff == Language.CY ? (yes ? "Ie" : "Na") : (yes ? "Yes" : "No");
        }
        if (step.type() instanceof StepType.SingleChoice choice) {
            return choice.options().stream().filter(o -> o.value().equals(value)).findFirst()
                    .map(o -> o.label().in(staff)).orElse(value);
        }
        return value;
    }

    static String humanise(String key) {
        String words = key.replace('_', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
