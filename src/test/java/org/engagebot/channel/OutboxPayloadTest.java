package org.engagebot.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Choice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox writes a reply's JSON field by field; it must stay the JSON data binding writes (a field added to
 * OutboundMessage and not to the hand-written path shows here), and read back as the same message.
 */
class OutboxPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReplyIsWrittenExactlyAsDataBindingWritesItAndReadsBackTheSame() throws Exception {
        List<OutboundMessage> messages = List.of(
                OutboundMessage.text("Diolch! Thank you."),
                new OutboundMessage("Subject \"quoted\"", "Line one\nline two – ŵ ŷ \u2705 <b>&amp;</b>", "<p>html</p>",
                        "<b>tg</b>", List.of(new Choice("a:area:conwy", "Conwy"), new Choice("c:confirm", "Cadarnhau ✓")),
                        Map.of("List-Unsubscribe", "<https://example.org/u?t=1>"), "token-1", "<id@example.org>",
                        "That is not an email address"),
                new OutboundMessage(null, "", null, null, List.of(), Map.of(), null, null));
        for (OutboundMessage m : messages) {
            String written = Outbox.payload(m);
            assertThat(written).isEqualTo(JSON.writeValueAsString(m));
            assertThat(Outbox.read(written, OutboundMessage.class)).isEqualTo(m);
        }
    }
}
