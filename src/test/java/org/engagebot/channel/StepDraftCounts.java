package org.engagebot.channel;

/** For benchmarks: chat steps drafted outside the writer lock so far, kept under it, and not drafted (refused). */
public record StepDraftCounts(long drafted, long kept, long refused) {
    public static StepDraftCounts now() {
        return new StepDraftCounts(StepDrafts.DRAFTED.sum(), StepDrafts.KEPT.sum(), StepDrafts.REFUSED.sum());
    }

    public StepDraftCounts since(StepDraftCounts before) {
        return new StepDraftCounts(drafted - before.drafted, kept - before.kept, refused - before.refused);
    }
}
