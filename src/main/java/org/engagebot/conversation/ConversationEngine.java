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
    private final List<CommandHandler> handlers;
    private final Clock clock;
    private final Duration idleTimeout;

    public ConversationEngine(SessionStore sessions, ParticipantLanguages languages, FlowRegistry flows, FlowRunner runner,
                              Prompter prompter, Messages messages, List<CommandHandler> handlers, Clock clock,
                              @Value("${engagebot.session.idle-timeout:24h}") Duration idleTimeout) {
        this.sessions = sessions;
        this.languages = languages;
        this.flows = flows;
        this.runner = runner;
        this.prompter = prompter;
        this.messages = messages;
        this.handlers = handlers;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
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
        Input in = input instanceof Input.Picked p && p.value().startsWith("/") ? Input.fromText(p.value()) : input;
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

    private List<Reply> dispatch(Participant p, Input in, Session session, Instant now) {
        if (in instanceof Input.Command c) {
            return command(p, c, session, now);
        }
        if (session != null && !session.flowId().equals(LANGUAGE_FLOW)) {
            return runner.answer(p, session, in, now);
        }
        ReplyBuilder out = new ReplyBuilder(p.language());
        if (in instanceof Input.Typed t) {
            Optional<FlowDefinition> flow = flows.byKeyword(t.text());
            if (flow.isPresent()) {
                return runner.start(p, flow.get(), now, out);
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

    private List<Reply> command(Participant p, Input.Command c, Session session, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        switch (c.name()) {
            case "start", "menu" -> {
                if (c.name().equals("start")) {
                    out.say(messages.get("welcome"));
                }
                prompter.menu(out);
                return out.build();
            }
            case "language", "iaith" -> {
                sessions.save(LanguageQuestion.asked(p.id(), session, now));
                prompter.languageQuestion(out);
                return out.build();
            }
            case "cancel", "canslo" -> {
                sessions.delete(p.id());
                out.say(messages.get(session == null ? "cancel.nothing" : "cancel.done"));
                prompter.menu(out);
                return out.build();
            }
            case "back", "nol" -> {
                return session == null ? out.say(messages.get("back.nothing")).build() : runner.back(p, session, now);
            }
            case "help", "cymorth" -> {
                return session == null ? out.say(messages.get("help.general")).build() : runner.help(p, session);
            }
            default -> {
                return startOrDelegate(p, c, session, now, out);
            }
        }
    }

    private List<Reply> startOrDelegate(Participant p, Input.Command c, Session session, Instant now, ReplyBuilder out) {
        Optional<FlowDefinition> flow = c.argument().isEmpty() ? flows.byCommand(c.name()) : Optional.empty();
        if (flow.isPresent()) {
            if (session != null && session.flowId().equals(flow.get().id())) {
                out.say(messages.get("flow.already"));
                return runner.reask(p, session, out);
            }
            return runner.start(p, flow.get(), now, out);
        }
        for (CommandHandler h : handlers) {
            if (h.commands().contains(c.name())) {
                CommandHandler.Result result = h.handle(p, c.name(), c.argument());
                result.messages().forEach(out::say);
                result.choices().forEach(o -> out.offer(o.value(), o.label()));
                if (result.startFlow() != null) {
                    Optional<FlowDefinition> started = flows.find(result.startFlow());
                    if (started.isPresent()) {
                        return runner.start(p, started.get(), now, out.clearChoices());
                    }
                }
                return out.build();
            }
        }
        out.say(messages.get("command.unknown", c.name()));
        prompter.menu(out);
        return out.build();
    }

    private List<Reply> languageGate(Participant p, Input in, Optional<Session> session, Instant now) {
        if (session.isPresent() && session.get().flowId().equals(LANGUAGE_FLOW) && in instanceof Input.Typed t) {
            Optional<Language> chosen = Language.parse(t.text());
            if (chosen.isEmpty() && t.text().strip().matches("[12]")) {
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
                return merge(out, dispatch(updated, Input.fromText(then), null, now));
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
