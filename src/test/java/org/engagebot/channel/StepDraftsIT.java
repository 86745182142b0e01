package org.engagebot.channel;

import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat steps drafted outside the writer lock from the copy of the sender's rows kept in memory (SQLite): kept when
 * the rows read under the lock are those drafted from, and thrown away when another writer changed them meanwhile.
 */
class StepDraftsIT {

    @Test
    void answersInAFlowAreDraftedAndKeptWithTheSameOutcome() {
        try (TestService service = TestService.start(Map.of("engagebot.outbox.enabled", "false"))) {
            InboundPipeline pipeline = service.bean(InboundPipeline.class);
            Db db = service.bean(Db.class);
            send(pipeline, "a", 0, new Input.Typed("/start"));
            send(pipeline, "a", 1, new Input.Picked("l:en"));
            send(pipeline, "a", 2, new Input.Typed("/register"));
            long kept = StepDrafts.KEPT.sum();
            send(pipeline, "a", 3, new Input.Typed("Draft Organisation"));
            send(pipeline, "a", 4, new Input.Typed("Dee Raft"));

            assertThat(StepDrafts.KEPT.sum() - kept).isEqualTo(2);
            assertThat(answers(db, "a")).contains("Draft Organisation").contains("Dee Raft");
            assertThat(db.count("SELECT count(*) FROM inbox WHERE address = 'a' AND status = 'PROCESSED'")).isEqualTo(5);
            assertThat(db.count("SELECT count(*) FROM outbox WHERE address = 'a'")).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aSessionChangedByAnotherWriterIsReadAgainNotOverwrittenByTheDraft() {
        try (TestService service = TestService.start(Map.of("engagebot.outbox.enabled", "false"))) {
            InboundPipeline pipeline = service.bean(InboundPipeline.class);
            Db db = service.bean(Db.class);
            send(pipeline, "b", 0, new Input.Typed("/start"));
            send(pipeline, "b", 1, new Input.Picked("l:en"));
            send(pipeline, "b", 2, new Input.Typed("/register"));
            String registering = flow(db, "b");
            assertThat(registering).isNotEmpty();
            // as an erasure, the retention job or a console edit would: the copy in memory is now stale
            db.update("DELETE FROM conversation_session WHERE participant_id = "
                    + "(SELECT id FROM participant WHERE address = 'b')");
            long kept = StepDrafts.KEPT.sum();
            send(pipeline, "b", 3, new Input.Typed("Stale Organisation"));

            assertThat(StepDrafts.KEPT.sum() - kept).isZero();
            // the draft would have saved the registration's session again with this answer in it; read again, the
            // step finds no session and takes the text as a message outside any flow
            assertThat(flow(db, "b")).isNotEqualTo(registering);
        }
    }

    private static void send(InboundPipeline pipeline, String address, int n, Input input) {
        pipeline.accept(new InboundMessage("console", address + "-" + n, address, null, input, null), null).join();
    }

    private static String flow(Db db, String address) {
        return db.one("SELECT s.flow_id FROM conversation_session s JOIN participant p ON p.id = s.participant_id "
                + "WHERE p.address = ?", rs -> rs.getString(1), address).orElse("");
    }

    private static String answers(Db db, String address) {
        return db.one("SELECT s.answers FROM conversation_session s JOIN participant p ON p.id = s.participant_id "
                + "WHERE p.address = ?", rs -> rs.getString(1), address).orElse("");
    }
}
