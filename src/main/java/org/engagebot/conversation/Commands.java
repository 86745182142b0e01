package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slash commands, by their English name ({@link Vocabulary#command}): the engine's own (/start, /language,
 * /cancel, /back, /help, /continue), those that start a flow, and those a feature answers ({@link CommandHandler}).
 * Inside a flow nothing is lost by a command: an unknown one keeps the flow and says how to go on, a feature's
 * answer is followed by the question again, and starting another flow asks first when answers would be lost.
 */
final class Commands {
    private final SessionStore sessions;
    private final FlowRegistry flows;
    private final FlowRunner runner;
    private final Prompter prompter;
    private final Messages messages;
    private final List<CommandHandler> handlers;

    Commands(SessionStore sessions, FlowRegistry flows, FlowRunner runner, Prompter prompter, Messages messages,
             List<CommandHandler> handlers) {
        this.sessions = sessions;
        this.flows = flows;
        this.runner = runner;
        this.prompter = prompter;
        this.messages = messages;
        this.handlers = handlers;
    }

    List<Reply> run(Participant p, Input.Command c, Session session, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        Session flowSession = session == null || session.flowId().equals(ConversationEngine.LANGUAGE_FLOW) ? null : session;
        switch (c.name()) {
            case "start", "menu" -> {
                if (c.name().equals("start")) {
                    out.say(messages.get("welcome"));
                }
                prompter.menu(out);
                if (flowSession != null) {
                    out.say(messages.get("flow.still-open", title(flowSession).en(), title(flowSession).cy()));
                }
                return out.build();
            }
            case "language" -> {
                sessions.save(LanguageQuestion.asked(p.id(), session, now));
                prompter.languageQuestion(out);
                return out.build();
            }
            case "cancel" -> {
                if (flowSession == null) {
                    sessions.delete(p.id());
                    out.say(messages.get("cancel.nothing"));
                    prompter.menu(out);
                    return out.build();
                }
                Optional<FlowDefinition> flow = flows.find(flowSession.flowId());
                return flow.isPresent() ? runner.leaving().askToStop(p, flow.get(), flowSession, now, out)
                        : runner.leaving().stop(p, out);
            }
            case "back" -> {
                return flowSession == null ? out.say(messages.get("back.nothing")).build() : runner.back(p, flowSession, now);
            }
            case "help" -> {
                return flowSession == null ? out.say(messages.get("help.general")).build() : runner.help(p, flowSession);
            }
            case "continue" -> {
                if (flowSession == null) {
                    prompter.menu(out.say(messages.get("continue.nothing")));
                    return out.build();
                }
                return runner.reask(p, flowSession, out.say(messages.get("continue.resumed")));
            }
            default -> {
                return flowOrFeature(p, c, flowSession, now, out);
            }
        }
    }

    private List<Reply> flowOrFeature(Participant p, Input.Command c, Session session, Instant now, ReplyBuilder out) {
        Optional<FlowDefinition> flow = c.argument().isEmpty() ? flows.byCommand(c.name()) : Optional.empty();
        if (flow.isPresent()) {
            return start(p, flow.get(), session, now, out);
        }
        for (CommandHandler h : handlers) {
            if (h.commands().contains(c.name())) {
                return feature(p, h.handle(p, c.name(), c.argument()), session, now, out);
            }
        }
        if (session != null) {
            out.say(messages.get("command.unknown-in-flow", c.name(), title(session).en(), title(session).cy()));
            return runner.reask(p, session, out);
        }
        out.say(messages.get("command.unknown", c.name()));
        prompter.menu(out);
        return out.build();
    }

    private List<Reply> feature(Participant p, CommandHandler.Result result, Session session, Instant now, ReplyBuilder out) {
        result.messages().forEach(out::say);
        result.choices().forEach(o -> out.offer(o.value(), o.label()));
        if (result.startFlow() != null) {
            Optional<FlowDefinition> started = flows.find(result.startFlow());
            if (started.isPresent()) {
                return start(p, started.get(), session, now, out.clearChoices());
            }
        }
        if (session != null && result.choices().isEmpty()) {
            out.say(messages.get("flow.resume", title(session).en(), title(session).cy()));
            return runner.reask(p, session, out);
        }
        return out.build();
    }

    /** Starts a flow; asks first when another one holds answers that would be lost. */
    private List<Reply> start(Participant p, FlowDefinition flow, Session session, Instant now, ReplyBuilder out) {
        if (session == null) {
            return runner.start(p, flow, now, out);
        }
        if (session.flowId().equals(flow.id())) {
            out.say(messages.get("flow.already"));
            return runner.reask(p, session, out);
        }
        Optional<FlowDefinition> current = flows.find(session.flowId());
        if (current.isPresent() && LeavingFlow.worthAsking(current.get(), session)) {
            return runner.leaving().askToSwitch(current.get(), session, flow, now, out);
        }
        return runner.start(p, flow, now, out);
    }

    private Text title(Session session) {
        return flows.find(session.flowId()).map(FlowDefinition::title).orElse(Text.of("", ""));
    }
}
