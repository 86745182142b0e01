package org.engagebot.privacy;

import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a conversation on the console channel through the real inbound pipeline; reads replies from the outbox. */
final class Chat {
    private final TestService service;
    private final String address;

    Chat(TestService service, String address) {
        this.service = service;
        this.address = address;
    }

    String say(String text, String expected) {
        return send(Input.fromText(text), expected);
    }

    String tap(String value, String expected) {
        return send(new Input.Picked(value), expected);
    }

    private String send(Input input, String expected) {
        service.bean(InboundPipeline.class).accept(new InboundMessage("console", UUID.randomUUID().toString(), address,
                null, input, null), null).join();
        String reply = service.bean(Db.class).one("SELECT payload FROM outbox WHERE channel = 'console' AND address = ? "
                + "ORDER BY id DESC LIMIT 1", rs -> Outbox.read(rs.getString(1), OutboundMessage.class).text(), address)
                .orElse("");
        assertThat(reply).contains(expected);
        return reply;
    }
}
