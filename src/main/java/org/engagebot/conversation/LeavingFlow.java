package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks before answers are thrown away: stopping a flow (/cancel, "Cancel" at the summary) or starting another
 * one while answers are held. The question is a marker in the session ({@link Markers#LEAVING}: "stop" or the
 * flow id to start); the next input settles it: its button, yes or no, or anything else (the question lapses
 * and the input is read as usual).
 */
final class LeavingFlow {
    static final String LEAVE = "k:leave";
    static final String STAY = "k:stay";
    private static final String STOP = "stop";

    /** What the participant decided. */
    sealed interface Decision {
        record Stop() implements Decision {
        }

        record Switch(String flowId) implements Decision {
        }

        record Stay() implements Decision {
        }
    }

    private final SessionStore sessions;
    private final Prompter prompter;
    private final Messages messages;

    LeavingFlow(SessionStore sessions, Prompter prompter, Messages messages) {
        this.sessions = sessions;
        this.prompter = prompter;
        this.messages = messages;
    }

    /** Whether leaving would lose answers the participant typed (a flow started from their message has none to lose). */
    static boolean worthAsking(FlowDefinition flow, Session s) {
        return flow.fallback() == null && Markers.answered(s) > 0;
    }

    List<Reply> askToStop(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out) {
        if (!worthAsking(flow, s)) {
            return stop(p, out);
        }
        sessions.save(Markers.set(s, Markers.LEAVING, STOP, now));
        out.say(messages.get("leave.stop-question", flow.title().en(), flow.title().cy(), Markers.answered(s)));
        out.offer(LEAVE, messages.get("leave.stop")).offer(STAY, messages.get("leave.stay", flow.title().en(), flow.title().cy()));
        return out.build();
    }

    List<Reply> askToSwitch(FlowDefinition current, Session s, FlowDefinition next, Instant now, ReplyBuilder out) {
        sessions.save(Markers.set(s, Markers.LEAVING, next.id(), now));
        out.say(messages.get("leave.switch-question", current.title().en(), current.title().cy(), next.title().en(),
                next.title().cy()));
        out.offer(LEAVE, messages.get("leave.switch", next.title().en(), next.title().cy()))
                .offer(STAY, messages.get("leave.stay", current.title().en(), current.title().cy()));
        return out.build();
    }

    List<Reply> stop(Participant p, ReplyBuilder out) {
        sessions.delete(p.id());
        out.say(messages.get("cancel.done"));
        prompter.menu(out);
        return out.build();
    }

    /**
     * Settles a pending question about leaving with this input; empty when there was none or the input is
     * about something else. The marker is gone from the stored session either way.
     */
    Optional<Decision> settle(Session s, Input in, YesNoReader.Meaning typed) {
        Optional<String> pending = Markers.get(s, Markers.LEAVING);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        sessions.save(Markers.clear(s, Markers.LEAVING));
        boolean leave = in instanceof Input.Picked p ? p.value().equals(LEAVE)
                : in instanceof Input.Typed ? typed == YesNoReader.Meaning.YES
                : in instanceof Input.Command c && c.name().equals("cancel") && pending.get().equals(STOP);
        boolean stay = in instanceof Input.Picked p ? p.value().equals(STAY)
                : in instanceof Input.Typed && typed == YesNoReader.Meaning.NO;
        if (leave) {
            return Optional.of(pending.get().equals(STOP) ? new Decision.Stop() : new Decision.Switch(pending.get()));
        }
        return stay ? Optional.of(new Decision.Stay()) : Optional.empty();
    }
}
