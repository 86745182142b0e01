package org.engagebot.channel;

import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood from one sender is stored, quarantined with a reason, and answered with one polite notice. */
class FloodIT {

    @Test
    void quarantinesAFloodAndSaysSoOnce() {
        try (TestService service = TestService.start(Map.of("engagebot.inbound.flood-per-minute", "5",
                "engagebot.outbox.enabled", "false"))) {
            InboundPipeline pipeline = service.bean(InboundPipeline.class);
            for (int i = 0; i < 9; i++) {
                pipeline.accept(new InboundMessage("console", "m" + i, "flooder", null, Input.fromText("hello " + i), null), null).join();
            }
            Db db = service.bean(Db.class);
            assertThat(db.count("SELECT count(*) FROM inbox WHERE address = 'flooder'")).isEqualTo(9);
            assertThat(db.count("SELECT count(*) FROM inbox WHERE address = 'flooder' AND status = 'QUARANTINED' "
                    + "AND reason LIKE 'flood:%'")).isEqualTo(4);
            assertThat(db.query("SELECT payload FROM outbox WHERE address = 'flooder' ORDER BY id", rs -> rs.getString(1)))
                    .hasSize(6).last().asString().contains("sending messages very quickly");
        }
    }
}
