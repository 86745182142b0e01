package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Words the questions, the summary, the menu and the language question. */
@Singleton
public class Prompter {
    private final Messages messages;
    private final FlowRegistry flows;
    private final List<CommandHandler> handlers;

    public Prompter(Messages messages, FlowRegistry flows, List<CommandHandler> handlers) {
        this.messages = messages;
        this.flows = flows;
        this.handlers = handlers;
    }

    void ask(ReplyBuilder out, Step step, Map<String, String> known) {
        ask(out, step, known, java.util.Optional.empty());
    }

    /** Asks the step; an option implied by an earlier answer's postcode is offered first, the list still after it. */
    void ask(ReplyBuilder out, Step step, Map<String, String> known, java.util.Optional<Step.Implied> implied) {
        out.say(step.prompt());
        if (step.hint() != null) {
            out.say(step.hint());
        }
        implied.ifPresent(i -> out.say(i.question(messages))
                .offer(ChoiceValues.answer(step.id(), i.option().value()), yesThat(i.option())));
        if (step.type() instanceof StepType.SingleChoice c) {
            c.options().forEach(o -> out.offer(ChoiceValues.answer(step.id(), o.value()), o.label()));
        } else if (step.type() instanceof StepType.MultiChoice m) {
            if (step.hint() == null) { // a step's own hint already says how to choose; two would repeat it
                out.say(messages.get("prompt.multi-choice"));
            }
            out.say(numbered(m.options(), out.language()));
        } else if (step.type() instanceof StepType.YesNo || step.type() instanceof StepType.Consent) {
            yesNo(out, step);
        }
        String prefill = step.prefill() == null ? null : known.get(step.prefill());
        if (prefill != null && !prefill.isBlank()) {
            String shown = step.type() instanceof StepType.Phone ? PhoneReader.display(prefill) : prefill;
            out.offer(ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT), messages.get("choice.use-known", shown));
        }
        if (step.optional()) {
            out.offer(ChoiceValues.answer(step.id(), ChoiceValues.SKIP), messages.get("choice.skip"));
        }
    }

    /** "Yes, Gwynedd" / "Ie, Gwynedd". */
    Text yesThat(Option o) {
        return messages.get("choice.yes-that", o.label().en(), o.label().cy());
    }

    void summary(ReplyBuilder out, FlowDefinition flow, Map<String, String> answers) {
        out.say(messages.get("summary.heading", flow.title().in(out.language())));
        Map<String, String> shown = flow.applicableAnswers(answers);
        String lines = flow.steps().stream().filter(s -> shown.containsKey(s.id()))
                .map(s -> "• " + s.label().in(out.language()) + ": " + display(s, answers.get(s.id()), out.language()))
                .collect(Collectors.joining("\n"));
        out.say(new Text(lines, lines));
        out.say(messages.get("summary.question"));
        out.offer(ChoiceValues.CONFIRM, messages.get("choice.confirm"))
                .offer(ChoiceValues.EDIT, messages.get("choice.edit"))
                .offer(ChoiceValues.CANCEL, messages.get("choice.cancel"));
    }

    void editChoices(ReplyBuilder out, FlowDefinition flow, Map<String, String> answers) {
        out.say(messages.get("summary.which"));
        Map<String, String> shown = flow.applicableAnswers(answers);
        flow.steps().stream().filter(s -> shown.containsKey(s.id()))
                .forEach(s -> out.offer(ChoiceValues.editStep(s.id()), s.label()));
        out.say(messages.get("summary.other-flow"));
    }

    void menu(ReplyBuilder out) {
        out.say(messages.get("menu.heading"));
        flows.menu().forEach(f -> out.offer("/" + f.commands().get(0), f.title()));
        handlers.forEach(h -> h.menuEntries().forEach(o -> out.offer(o.value(), o.label())));
    }

    /** The command behind a menu button whose label was typed instead of tapped, in either language. */
    java.util.Optional<String> menuEntry(String typed) {
        String t = Fold.fold(typed);
        java.util.List<Option> entries = new java.util.ArrayList<>();
        flows.menu().forEach(f -> entries.add(new Option("/" + f.commands().get(0), f.title())));
        handlers.forEach(h -> entries.addAll(h.menuEntries()));
        return entries.stream().filter(o -> t.equals(Fold.fold(o.label().en())) || t.equals(Fold.fold(o.label().cy())))
                .map(Option::value).findFirst();
    }

    /**
     * The menu entry an intent names: a menu flow by its id, a command's entry ("consultations"), or a command off the
     * menu with a button label in the messages ({@code intent.label.mydata}).
     */
    java.util.Optional<Option> menuDestination(String name) {
        java.util.Optional<Option> flow = flows.find(name).filter(f -> !f.commands().isEmpty())
                .map(f -> new Option("/" + f.commands().get(0), f.title()));
        if (flow.isPresent()) {
            return flow;
        }
        java.util.Optional<Option> entry = handlers.stream().flatMap(h -> h.menuEntries().stream())
                .filter(o -> o.value().equals("/" + name)).findFirst();
        Text label = messages.find("intent.label." + name);
        return entry.isPresent() || label == null || !handles(name) ? entry : java.util.Optional.of(new Option("/" + name, label));
    }

    /** Whether a feature answers the command (by its English name), e.g. "unsubscribe". */
    boolean handles(String command) {
        return handlers.stream().anyMatch(h -> h.commands().contains(command));
    }

    void languageQuestion(ReplyBuilder out) {
        out.say(messages.get("language.question"));
        out.offer(ChoiceValues.language(Language.CY), new Text("Cymraeg", "Cymraeg"));
        out.offer(ChoiceValues.language(Language.EN), new Text("English", "English"));
    }

    /** An answer as the participant reads it on the summary. */
    public String display(Step step, String value, Language language) {
        if (value == null || value.isEmpty()) {
            return messages.get("summary.skipped").label(language);
        }
        if (step.type() instanceof StepType.SingleChoice c) {
            return label(c.options(), value, language);
        }
        if (step.type() instanceof StepType.MultiChoice m) {
            return Arrays.stream(value.split(",")).map(v -> label(m.options(), v, language)).collect(Collectors.joining(", "));
        }
        if (step.type() instanceof StepType.YesNo || step.type() instanceof StepType.Consent) {
            return AnswerWords.of(step.type(), messages).of(value).label(language);
        }
        if (step.type() instanceof StepType.Phone) {
            return PhoneReader.display(value, language);
        }
        return value;
    }

    private void yesNo(ReplyBuilder out, Step step) {
        AnswerWords words = AnswerWords.of(step.type(), messages);
        out.offer(ChoiceValues.answer(step.id(), "yes"), words.yes());
        out.offer(ChoiceValues.answer(step.id(), "no"), words.no());
    }

    private static String label(List<Option> options, String value, Language language) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst()
                .map(o -> o.label().label(language)).orElse(value);
    }

    private static Text numbered(List<Option> options, Language language) {
        StringBuilder en = new StringBuilder();
        StringBuilder cy = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            en.append(i + 1).append(". ").append(options.get(i).label().en()).append('\n');
            cy.append(i + 1).append(". ").append(options.get(i).label().cy()).append('\n');
        }
        return new Text(en.toString().strip(), cy.toString().strip());
    }
}
