package org.engagebot.conversation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one step of a conversation: loads the participant's session, reads the input, validates, moves
 * on and returns what to say. Channel-blind and stateless between calls: all state is in the
 * {@link SessionStore}, so a restart mid-conversation loses nothing. Callers run it inside the inbound
 * message's transaction and serialise calls per participant.
 */
@Singleton
public class ConversationEngine {
    static final String LANGUAGE_FLOW = "_language";

    private final SessionStore sessions;
    private final ParticipantLanguages languages;
    private final FlowRegistry flows;
    private final FlowRunner runner;
    private final Prompter prompter;
    private final Messages messages;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Commands commands;
    private final Vocabulary vocabulary = Vocabulary.standard();
    private final OutsideFlow outside;

    public ConversationEngine(SessionStore sessions, ParticipantLanguages languages, FlowRegistry flows, FlowRunner runner,
                              Prompter prompter, Messages messages, List<CommandHandler> handlers, Clock clock,
                              @Value("${engagebot.session.idle-timeout:14d}") Duration idleTimeout) {
        this.sessions = sessions;
        this.languages = languages;
        this.flows = flows;
        this.runner = runner;
        this.prompter = prompter;
        this.messages = messages;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.commands = new Commands(sessions, flows, runner, prompter, messages, handlers);
        this.outside = new OutsideFlow(flows, runner, prompter, messages,
                (p, command, at) -> dispatch(p, canonical(Input.fromText(command)), null, at));
    }

    /**
     * @param languageFirst ask for Welsh or English before anything else when the participant has not
     *                      chosen (chat channels); email instead answers in both languages.
     */
    public List<Reply> handle(Participant participant, Input input, boolean languageFirst) {
        Instant now = clock.instant();
        Optional<Session> session = sessions.find(participant.id());
        ReplyBuilder preface = null;
        if (session.isPresent() && session.get().updatedAt().plus(idleTimeout).isBefore(now)) {
            sessions.delete(participant.id());
            session = Optional.empty();
            preface = new ReplyBuilder(participant.language()).say(messages.get("session.expired"));
        }
        Input in = canonical(input instanceof Input.Picked p && p.value().startsWith("/") ? Input.fromText(p.value()) : input);
        boolean gated = participant.language() == null && languageFirst;
        boolean languageAsked = !gated && session.isPresent() && LanguageQuestion.pending(session.get());
        if (languageAsked) {
            session = LanguageQuestion.forget(session.get());
            session.ifPresentOrElse(sessions::save, () -> sessions.delete(participant.id()));
        }
        if (in instanceof Input.Picked p && p.value().startsWith("l:")) {
            return chooseLanguage(participant, Language.parse(p.value().substring(2)).orElse(Language.EN), session);
        }
        Optional<Language> named = languageAsked ? LanguageQuestion.named(in) : Optional.empty();
        if (named.isPresent()) {
            return chooseLanguage(participant, named.get(), session);
        }
        if (gated) {
            return languageGate(participant, in, session, now);
        }
        List<Reply> replies = dispatch(participant, in, session.orElse(null), now);
        return preface == null ? replies : merge(preface, replies);
    }

    /** Commands by their English name whatever the spelling ("/nôl", "/yn-ôl", "/yn ôl" → back). */
    private Input canonical(Input in) {
        if (!(in instanceof Input.Command c)) {
            return in;
        }
        String firstWord = c.argument().isEmpty() ? "" : c.argument().split("\\s+")[0];
        String two = vocabulary.command(c.name() + " " + firstWord);
        if (!firstWord.isEmpty() && !two.contains("_")) {
            return new Input.Command(two, c.argument().substring(firstWord.length()).strip());
        }
        return new Input.Command(vocabulary.command(c.name()), c.argument());
    }

    private List<Reply> dispatch(Participant p, Input in, Session session, Instant now) {
        boolean inFlow = session != null && !session.flowId().equals(LANGUAGE_FLOW);
        if (inFlow) {
            boolean leavingAsked = Markers.get(session, Markers.LEAVING).isPresent();
            Optional<List<Reply>> settled = leavingAsked ? settleLeaving(p, session, in, now) : Optional.empty();
            if (settled.isPresent()) {
                return settled.get();
            }
            if (leavingAsked) {
                session = sessions.find(p.id()).orElse(null);
            }
            if (session != null && Markers.get(session, Markers.REMINDED).isPresent()) {
                session = Markers.clear(session, Markers.REMINDED);
                sessions.save(session);
                in = reminderAnswer(in);
            }
        }
        if (inFlow && in instanceof Input.Typed t && vocabulary.typedCommand(t.text()) != null) {
            in = new Input.Command(vocabulary.typedCommand(t.text()), "");
        } else if (inFlow && in instanceof Input.Typed) {
            in = canonical(runner.summary().menuEntryTyped(session, in));
        }
        if (in instanceof Input.Command c) {
            return commands.run(p, c, session, now);
        }
        if (inFlow) {
            return runner.answer(p, session, in, now);
        }
        return outside.answer(p, in, now);
    }

    /**
     * The first message after "would you like to carry on?": a plain yes carries on (the question is asked again)
     * and a plain no stops (as the Stop button does), so neither is stored as the answer to the waiting question.
     * Anything else is taken as that answer.
     */
    private Input reminderAnswer(Input in) {
        if (!(in instanceof Input.Typed t)) {
            return in;
        }
        return switch (runner.meaning(t.text())) {
            case YES -> new Input.Command("continue", "");
            case NO -> new Input.Command("cancel", "");
            default -> in;
        };
    }

    private Optional<List<Reply>> settleLeaving(Participant p, Session session, Input in, Instant now) {
        YesNoReader.Meaning meaning = in instanceof Input.Typed t ? runner.meaning(t.text()) : YesNoReader.Meaning.UNKNOWN;
        Optional<LeavingFlow.Decision> decision = runner.leaving().settle(session, in, meaning);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        ReplyBuilder out = new ReplyBuilder(p.language());
        if (decision.get() instanceof LeavingFlow.Decision.Stop) {
            return Optional.of(runner.leaving().stop(p, out));
        }
        if (decision.get() instanceof LeavingFlow.Decision.Switch s && flows.find(s.flowId()).isPresent()) {
            return Optional.of(runner.start(p, flows.find(s.flowId()).get(), now, out));
        }
        out.say(messages.get("leave.stayed"));
        return Optional.of(runner.reask(p, Markers.clear(session, Markers.LEAVING), out));
    }

    private List<Reply> languageGate(Participant p, Input in, Optional<Session> session, Instant now) {
        boolean asked = session.isPresent() && session.get().flowId().equals(LANGUAGE_FLOW);
        // a first message that names a language ("Cymraeg", "English please") answers the question before it is asked
        if ((asked || session.isEmpty()) && in instanceof Input.Typed t) {
            Optional<Language> chosen = LanguageAnswer.read(t.text());
            if (chosen.isEmpty() && asked && t.text().strip().matches("[12]")) {
                chosen = Optional.of(t.text().strip().equals("1") ? Language.CY : Language.EN);
            }
            if (chosen.isPresent()) {
                return chooseLanguage(p, chosen.get(), session);
            }
        }
        String then = session.filter(s -> s.flowId().equals(LANGUAGE_FLOW))
                .map(s -> s.answers().getOrDefault("then", "")).orElse("");
        if (in instanceof Input.Command c) {
            then = c.name().equals("start") || c.name().equals("language") ? ""
                    : "/" + c.name() + (c.argument().isEmpty() ? "" : " " + c.argument());
        } else if (in instanceof Input.Typed t) {
            // "hoffwn i gofrestru" before choosing a language: started once the language is chosen
            then = outside.requested(t.text()).orElse(then);
        }
        sessions.save(new Session(p.id(), LANGUAGE_FLOW, null, Session.Mode.ASKING, Map.of("then", then), List.of(), now, now));
        ReplyBuilder out = new ReplyBuilder(null);
        prompter.languageQuestion(out);
        return out.build();
    }

    private List<Reply> chooseLanguage(Participant p, Language language, Optional<Session> session) {
        languages.setLanguage(p.id(), language);
        Participant updated = p.withLanguage(language);
        Instant now = clock.instant();
        ReplyBuilder out = new ReplyBuilder(language).say(messages.get("language.set"));
        if (session.isPresent() && session.get().flowId().equals(LANGUAGE_FLOW)) {
            sessions.delete(p.id());
            String then = session.get().answers().getOrDefault("then", "");
            if (!then.isEmpty()) {
                return merge(out, dispatch(updated, canonical(Input.fromText(then)), null, now));
            }
        } else if (session.isPresent()) {
            return runner.reask(updated, session.get(), out);
        }
        prompter.menu(out);
        return out.build();
    }

    private static List<Reply> merge(ReplyBuilder first, List<Reply> rest) {
        List<Reply> head = first.build();
        if (rest.isEmpty()) {
            return head;
        }
        Reply r = rest.get(0);
        String text = head.get(0).text() + "\n\n" + r.text();
        return List.of(new Reply(text, r.choices(), r.problem()));
    }
}
