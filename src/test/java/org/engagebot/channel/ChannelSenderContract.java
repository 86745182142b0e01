package org.engagebot.channel;

import org.engagebot.conversation.Choice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * What every {@link ChannelSender} must do (James-style contract: each sender's test class implements this and
 * supplies the sender and a way to read what the other end received). A sender delivers one outbox item per call,
 * answers with a {@link SendResult} instead of throwing, and declares limits the outbox worker can use.
 */
public interface ChannelSenderContract {
    AtomicLong IDS = new AtomicLong(1_000_000);

    ChannelSender sender();

    /** An address this channel delivers to in the test. */
    String reachableAddress();

    /** What the other end has received at the address so far, one string a message: its text and choice labels. */
    List<String> receivedAt(String address);

    /** An address the channel's far end refuses for good, when the test can make one. */
    default Optional<String> refusedAddress() {
        return Optional.empty();
    }

    default OutboxItem item(String address, OutboundMessage message, int priority) {
        return new OutboxItem(IDS.incrementAndGet(), sender().channel(), address, priority, Outbox.json(message), 0,
                null, null);
    }

    @Test
    default void namesItsChannelInLowerCase() {
        assertThat(sender().channel()).matches("[a-z]+");
    }

    @Test
    default void declaresLimitsTheOutboxWorkerCanUse() {
        assertThat(sender().bulkRatePerSecond()).isNotNegative().isFinite();
        assertThat(sender().perAddressSpacingMillis()).isNotNegative();
        assertThat(sender().concurrency()).isPositive();
    }

    @Test
    default void aReplyIsDeliveredAndAnsweredWithTheIdTheChannelGaveIt() {
        String marker = "contract-" + UUID.randomUUID();
        SendResult result = sender().send(item(reachableAddress(), OutboundMessage.text("Hello " + marker),
                Outbox.REPLY));
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) result).externalId()).isNotBlank();
        await(() -> receivedAt(reachableAddress()).stream().anyMatch(t -> t.contains(marker)), "delivered " + marker);
    }

    @Test
    default void welshTextArrivesIntact() {
        String marker = "cyswllt-" + UUID.randomUUID();
        assertThat(sender().send(item(reachableAddress(), OutboundMessage.text("Diolch yn fawr — ŵ ŷ â " + marker),
                Outbox.REPLY))).isInstanceOf(SendResult.Sent.class);
        await(() -> receivedAt(reachableAddress()).stream().anyMatch(t -> t.contains("ŵ ŷ â " + marker)),
                "Welsh text delivered");
    }

    /** A neutral reply's choices reach the person in the channel's own form (buttons, a numbered list). */
    @Test
    default void theChoicesOfAReplyArrive() {
        String marker = "dewis-" + UUID.randomUUID();
        OutboundMessage message = new OutboundMessage(null, "Dewiswch " + marker, null, null,
                List.of(new Choice("ie", "Ydw"), new Choice("na", "Nac ydw, dim diolch")), Map.of(), null, null);
        assertThat(sender().send(item(reachableAddress(), message, Outbox.REPLY))).isInstanceOf(SendResult.Sent.class);
        await(() -> receivedAt(reachableAddress()).stream().anyMatch(t -> t.contains(marker)
                && t.contains("Nac ydw, dim diolch")), "choices delivered");
    }

    @Test
    default void aBulkMessageIsDeliveredLikeAReply() {
        String marker = "bulk-" + UUID.randomUUID();
        assertThat(sender().send(item(reachableAddress(), OutboundMessage.text(marker), Outbox.BULK)))
                .isInstanceOf(SendResult.Sent.class);
        await(() -> receivedAt(reachableAddress()).stream().anyMatch(t -> t.contains(marker)), "bulk delivered");
    }

    @Test
    default void anAddressRefusedForGoodFailsWithAReasonInsteadOfThrowing() {
        refusedAddress().ifPresent(address -> {
            SendResult result = sender().send(item(address, OutboundMessage.text("Hello"), Outbox.REPLY));
            assertThat(result).isInstanceOf(SendResult.Failed.class);
            assertThat(((SendResult.Failed) result).reason()).isNotBlank();
        });
    }
}
