package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.conversation.AnswerWords;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Prompter;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Map;

/**
 * Writes a flow as one email form: each question numbered by its place in the flow (stable across forms),
 * its hint, options and any error indented under it, and an "Answer:" line to write after. Also the summary.
 * Unknown language (null) gives Welsh then English.
 */
@Singleton
class FormText {
    static final String INDENT = "   ";

    private final Messages messages;
    private final Prompter prompter;

    FormText(Messages messages, Prompter prompter) {
        this.messages = messages;
        this.prompter = prompter;
    }

    String form(FlowDefinition flow, List<Step> steps, Map<String, Text> errors, Map<String, String> known,
                Language language, boolean first) {
        return form(flow, steps, errors, Map.of(), known, language, first);
    }

    /** @param suggested what to say beside a question, by step id (an area its address's postcode names) */
    String form(FlowDefinition flow, List<Step> steps, Map<String, Text> errors, Map<String, Text> suggested,
                Map<String, String> known, Language language, boolean first) {
        StringBuilder out = new StringBuilder();
        if (first) {
            out.append(both(flow.intro(), language)).append("\n\n");
        } else if (!errors.isEmpty()) {
            out.append(both(messages.get("email.form.some-invalid"), language)).append("\n\n");
        } else {
            out.append(both(messages.get("email.form.missing"), language)).append("\n\n");
        }
        out.append(both(messages.get("email.form.instructions"), language)).append("\n\n");
        for (Step step : steps) {
            question(out, flow, step, errors.get(step.id()), suggested.get(step.id()), known, language);
        }
        out.append(both(messages.get("email.form.footer"), language)).append('\n');
        return out.toString();
    }

    private void question(StringBuilder out, FlowDefinition flow, Step step, Text error, Text suggested,
                          Map<String, String> known, Language language) {
        out.append(flow.indexOf(step.id()) + 1).append(". ").append(step.label().label(language)).append('\n');
        indented(out, both(step.prompt(), language));
        if (step.hint() != null) {
            indented(out, both(step.hint(), language));
        }
        options(out, step, language);
        if (suggested != null) {
            indented(out, both(suggested, language));
        }
        String prefill = step.prefill() == null ? null : known.get(step.prefill());
        if (prefill != null && !prefill.isBlank()) {
            indented(out, both(messages.get("email.form.prefill", prefill), language));
        }
        if (step.optional()) {
            indented(out, both(messages.get("email.form.optional"), language));
        }
        if (error != null) {
            indented(out, "! " + both(error, language).replace("\n", "\n! "));
        }
        out.append(both(messages.get("email.form.answer"), language).replace("\n", " / ")).append("\n\n");
    }

    private void options(StringBuilder out, Step step, Language language) {
        List<Option> options = List.of();
        if (step.type() instanceof StepType.SingleChoice c) {
            options = c.options();
        } else if (step.type() instanceof StepType.MultiChoice m) {
            options = m.options();
            indented(out, both(messages.get("prompt.multi-choice"), language));
        } else if (step.type() instanceof StepType.YesNo || step.type() instanceof StepType.Consent) {
            // the words of this question's buttons: in Welsh its verb's ("Hoffwn / Na hoffwn"), never a bare ie/na
            AnswerWords words = AnswerWords.of(step.type(), messages);
            indented(out, both(messages.get("email.form.yes-no", words.yes().en(), words.no().en(), words.yes().cy(),
                    words.no().cy()), language));
        }
        for (int i = 0; i < options.size(); i++) {
            out.append(INDENT).append(i + 1).append(" = ").append(options.get(i).label().label(language)).append('\n');
        }
    }

    /** A one-question yes/no flow as a short email: intro, the question, "reply YES or NO", any error. */
    String yesNoQuestion(FlowDefinition flow, Text error, Language language) {
        Step step = flow.steps().get(0);
        StringBuilder out = new StringBuilder();
        if (flow.intro() != null) {
            out.append(both(flow.intro(), language)).append("\n\n");
        }
        out.append(both(step.prompt(), language)).append("\n\n");
        if (error != null) {
            out.append("! ").append(both(error, language).replace("\n", "\n! ")).append("\n\n");
        }
        return out.append(both(messages.get("email.form.reply-yes-no"), language)).append('\n').toString();
    }

    String summary(FlowDefinition flow, Map<String, String> answers, Language language) {
        return summary(flow, answers, language, Map.of());
    }

    /** @param fromPostcode answers filled from a postcode, by step id, with its district: marked "(from the postcode LL57)" */
    String summary(FlowDefinition flow, Map<String, String> answers, Language language, Map<String, String> fromPostcode) {
        StringBuilder out = new StringBuilder();
        out.append(both(messages.get("summary.heading", flow.title().label(language)), language)).append("\n\n");
        List<Step> shown = flow.steps().stream().filter(step -> step.appliesTo(answers) && answers.containsKey(step.id())).toList();
        List<String> lines = answerLines(flow, answers, language);
        for (int i = 0; i < lines.size(); i++) {
            String district = fromPostcode.get(shown.get(i).id());
            out.append(lines.get(i)).append(district == null ? ""
                    : " " + messages.get("email.summary.from-postcode", district).label(language)).append('\n');
        }
        out.append('\n').append(both(messages.get("email.summary.confirm"), language)).append('\n');
        return out.toString();
    }

    /** "N. Label: answer" for each answered step that applies. */
    List<String> answerLines(FlowDefinition flow, Map<String, String> answers, Language language) {
        return flow.steps().stream().filter(step -> step.appliesTo(answers) && answers.containsKey(step.id()))
                .map(step -> (flow.indexOf(step.id()) + 1) + ". " + step.label().label(language) + ": "
                        + prompter.display(step, answers.get(step.id()), language)).toList();
    }

    /** Welsh and English on consecutive lines when the language is unknown; one language otherwise. */
    static String both(Text text, Language language) {
        if (language != null || text.cy().equals(text.en())) {
            return text.in(language);
        }
        return text.cy() + "\n" + text.en();
    }

    private static void indented(StringBuilder out, String text) {
        for (String line : text.split("\n")) {
            out.append(INDENT).append(line).append('\n');
        }
    }
}
