package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer the current question did not take: a correction of the answer before it ("sorry, I meant Wrexham",
 * "sori, Gwynedd" typed at the next question) changes that answer and asks the current question again; anything else
 * is said back with the reason, and "Did you mean …?" buttons where there are some.
 */
final class NotTaken {
    /** "sorry", "oops", "no wait", "I meant", "o'n i'n feddwl" before the corrected answer. */
    private static final Pattern CORRECTION = Pattern.compile("(?iu)^\\s*(?:(?:(?:sorry|sori|oops|wps|actually|correction"
            + "|no,? wait|na,? arhoswch|wait|arhoswch)[\\s,.!:;-]*)+(?:(?:i meant|i mean|meant|it should be|should be"
            + "|dylai fod|o['’]?n i['’]?n feddwl|roeddwn i['’]?n feddwl)[\\s,.:;-]*)?|(?:i meant|o['’]?n i['’]?n feddwl"
            + "|roeddwn i['’]?n feddwl)[\\s,.:;-]*)(\\S.*)$");

    private final SessionStore sessions;
    private final AnswerReader reader;
    private final Prompter prompter;
    private final Messages messages;
    private final Asking asking;
    private final NamedCorrection named;

    NotTaken(SessionStore sessions, AnswerReader reader, Prompter prompter, Messages messages, Asking asking) {
        this.sessions = sessions;
        this.reader = reader;
        this.named = new NamedCorrection(AnswerNames.standard(), reader);
        this.prompter = prompter;
        this.messages = messages;
        this.asking = asking;
    }

    /** @param asked the session as the question was asked; {@code s} as it is now (markers updated) */
    List<Reply> reply(Participant p, FlowDefinition flow, Step step, Session asked, Session s, Input in,
                      AnswerReader.Read.Rejected r, Instant now, ReplyBuilder out) {
        Optional<Session> corrected = corrected(p, flow, s, in, now, out);
        if (corrected.isPresent()) {
            sessions.save(corrected.get());
            return asking.ask(p, flow, corrected.get(), out);
        }
        out.problem(r.reason());
        if (r.suggestions().isEmpty()) {
            if (s != asked) {
                sessions.save(s);
            }
            return asking.ask(p, flow, s, out);
        }
        r.suggestions().forEach(o -> out.offer(ChoiceValues.answer(step.id(), o.value()), o.label()));
        sessions.save(r.suggestions().size() == 1
                ? Markers.set(s, Markers.SUGGESTED, r.suggestions().get(0).value(), now) : s.at(s.stepId(), s.mode(), now));
        return out.build();
    }

    /**
     * The session with an earlier answer corrected: one the text names ("actually the email is …"), or else the answer
     * just before when the text says it corrects and what follows is a new answer to that question (not free text,
     * which would take anything); only while the current question still applies.
     */
    private Optional<Session> corrected(Participant p, FlowDefinition flow, Session s, Input in, Instant now,
                                        ReplyBuilder out) {
        if (!(in instanceof Input.Typed t) || s.mode() != Session.Mode.ASKING || s.history().isEmpty()) {
            return Optional.empty();
        }
        Optional<NamedCorrection.Found> found = named.find(flow, s, t.text()).or(() -> previous(flow, s, t.text()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Step before = found.get().step();
        String value = found.get().value();
        Session changed = s.answered(before.id(), value, now);
        if (flow.step(s.stepId()).map(st -> !st.appliesTo(flow.applicableAnswers(changed.answers()))).orElse(true)) {
            return Optional.empty();
        }
        out.say(messages.get("correction.taken", before.label().en(), prompter.display(before, value, Language.EN),
                before.label().cy(), prompter.display(before, value, Language.CY)));
        return Optional.of(changed);
    }

    /** "sorry, I meant Wrexham": a new answer to the question just before, after words that say it corrects. */
    private Optional<NamedCorrection.Found> previous(FlowDefinition flow, Session s, String text) {
        Matcher m = CORRECTION.matcher(text);
        Optional<Step> previous = flow.step(s.history().get(s.history().size() - 1));
        if (!m.matches() || previous.isEmpty() || previous.get().type() instanceof StepType.FreeText) {
            return Optional.empty();
        }
        Step before = previous.get();
        if (!(reader.read(before, new Input.Typed(m.group(1)), Map.of()) instanceof AnswerReader.Read.Accepted a)
                || a.value().isEmpty() || a.value().equals(s.answers().get(before.id()))) {
            return Optional.empty();
        }
        return Optional.of(new NamedCorrection.Found(before, a.value()));
    }
}
