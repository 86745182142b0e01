package org.engagebot.visits;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;

/** Completes the visit flow: one application per submission, a repeat answered with the earlier reference. */
@Singleton
@Named(VisitApplicationAction.NAME)
class VisitApplicationAction implements FlowAction {
    static final String NAME = "visit-application";

    private final VisitService visits;
    private final VisitTexts texts;

    VisitApplicationAction(VisitService visits, VisitTexts texts) {
        this.visits = visits;
        this.texts = texts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        VisitService.Submitted result = visits.submit(c.participant(), c.answers());
        return Outcome.of(result.duplicate() ? texts.duplicate(result.application()) : texts.received(result.application()));
    }
}
