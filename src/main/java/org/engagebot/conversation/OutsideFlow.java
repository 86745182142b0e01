package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is typed with no conversation under way: a flow's keyword or a menu entry's name starts it, a sentence that
 * only asks for one entry ("I'd like to apply for a visit") runs it, a greeting or a bare yes/no shows the menu, and
 * anything else becomes a message to the office (the fallback flow), with a button for the entry it seemed to ask for.
 */
final class OutsideFlow {
    /** Runs a menu entry's command ("/visit") as if it had been sent. */
    @FunctionalInterface
    interface MenuCommand {
        List<Reply> run(Participant p, String command, Instant now);
    }

    private final FlowRegistry flows;
    private final FlowRunner runner;
    private final Prompter prompter;
    private final Messages messages;
    private final MenuCommand menu;
    private final Vocabulary vocabulary = Vocabulary.standard();

    OutsideFlow(FlowRegistry flows, FlowRunner runner, Prompter prompter, Messages messages, MenuCommand menu) {
        this.flows = flows;
        this.runner = runner;
        this.prompter = prompter;
        this.messages = messages;
        this.menu = menu;
    }

    List<Reply> answer(Participant p, Input in, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        if (in instanceof Input.Typed t) {
            Optional<FlowDefinition> flow = flows.byKeyword(t.text());
            if (flow.isPresent()) {
                return runner.start(p, flow.get(), now, out);
            }
            Optional<String> entry = prompter.menuEntry(t.text());
            if (entry.isPresent()) {
                return menu.run(p, entry.get(), now);
            }
            Optional<String> meantName = intended(t.text());
            Optional<Option> meant = meantName.flatMap(prompter::menuDestination);
            if (meant.isPresent() && vocabulary.onlyAsksFor(t.text())) {
                return menu.run(p, meant.get().value(), now);
            }
            if ("cancel".equals(vocabulary.typedCommand(t.text()))) {
                // "stop" with nothing under way: say what stopping can mean here instead of drafting it to the office
                out.say(messages.get("stop.nothing"));
                prompter.menu(out);
                return out.build();
            }
            if (vocabulary.is(Vocabulary.Kind.GREETING, t.text()) || saysNothingForTheOffice(t.text())) {
                out.say(messages.get("welcome"));
                prompter.menu(out);
                return out.build();
            }
            Optional<FlowDefinition> fallback = flows.fallback();
            if (fallback.isPresent()) {
                meant.ifPresent(o -> out.say(intentOffer(o.label())));
                return runner.startWith(p, fallback.get(), t.text(), now, out, meant.isPresent() ? meantName.get() : null);
            }
            out.say(messages.get("menu.not-understood"));
        } else if (in instanceof Input.Unsupported) {
            out.say(messages.get("input.unsupported"));
        } else {
            out.say(messages.get("input.stale"));
        }
        prompter.menu(out);
        return out.build();
    }

    /**
     * A yes or no on its own ("ia", "no thanks", often after a conversation has ended) or only emoji and punctuation
     * ("👍"): nothing to send to the office, so the menu is shown as for a greeting.
     */
    private boolean saysNothingForTheOffice(String text) {
        List<String> words = Fold.words(text);
        if (words.isEmpty()) {
            return true;
        }
        if (words.size() > 3) {
            return false;
        }
        YesNoReader.Meaning meaning = runner.meaning(text);
        return meaning == YesNoReader.Meaning.YES || meaning == YesNoReader.Meaning.NO;
    }

    /** The command a sentence only asks for: a flow's keyword ("register") or an intent ("hoffwn i gofrestru"). */
    Optional<String> requested(String text) {
        Optional<FlowDefinition> flow = flows.byKeyword(text).filter(f -> !f.commands().isEmpty());
        if (flow.isPresent()) {
            return Optional.of("/" + flow.get().commands().get(0));
        }
        return vocabulary.onlyAsksFor(text)
                ? intended(text).flatMap(prompter::menuDestination).map(Option::value) : Optional.empty();
    }

    /** The one menu entry the sentence names ("I'd like to register our group", "ymgynghoriad"), if exactly one. */
    private Optional<String> intended(String text) {
        Set<String> named = vocabulary.intendedFlows(text);
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    private Text intentOffer(Text title) {
        Text t = messages.get("intent.offer");
        return Text.of(String.format(t.en(), title.en()), String.format(t.cy(), title.cy()));
    }
}
