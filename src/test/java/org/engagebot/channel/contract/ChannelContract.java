package org.engagebot.channel.contract;

import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The channel contract, written once and run against every adapter: what a person sends on the channel is stored as
 * the neutral inbound message (one inbox row with the channel's name and the sender's address, processed), goes
 * through the same engine and command handlers as every other channel, and the neutral reply is rendered back to the
 * sender on that channel. Each adapter's subclass says how a person writes there and what they then see. Every
 * channel starts a flow (registering); channels with a command line (all but the web's question pages, which start
 * flows by their address) also answer commands.
 */
abstract class ChannelContract {
    protected TestService service;

    /** The channel's name as stored in the inbox ("telegram", "email", "console"). */
    abstract String channel();

    /** The sender's address on the channel, as the adapter stores it. */
    abstract String address();

    abstract TestService startService();

    /** Sends what a person types (a command like "/unsubscribe" or words) the channel's way. */
    abstract void send(String text) throws Exception;

    /** Waits for the {@code count}th reply to the sender and returns everything replied so far, as the person sees it. */
    abstract List<String> replies(int count) throws Exception;

    /** Everything replied so far, without waiting. */
    abstract List<String> replies();

    /** How a person asks to register on this channel. */
    String registerRequest() {
        return "/register";
    }

    /** False for a channel where a person cannot type a command (the web: its pages start flows by address). */
    boolean takesCommands() {
        return true;
    }

    /** How a person asks to stop the newsletter on this channel. */
    String unsubscribeRequest() {
        return "/unsubscribe";
    }

    /** What the one unsubscribe handler says to someone not registered, as the channel words it. */
    abstract String notRegisteredAnswer();

    void stopChannel() throws Exception {
    }

    /** The person has chosen English (chat channels ask first; the question is the engine's, not the adapter's). */
    @BeforeEach
    void startChannel() {
        service = startService();
        chooseEnglish();
    }

    void chooseEnglish() {
        Participants participants = service.bean(Participants.class);
        participants.setLanguage(participants.identify(channel(), address(), null).id(), Language.EN);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        stopChannel();
    }

    @Test
    void aRegisterRequestIsStoredAsTheNeutralMessageAndAnsweredWithTheFlowsFirstQuestion() throws Exception {
        send(registerRequest());

        String firstQuestion = "What is the full name of your organisation?";
        await(() -> replies().stream().anyMatch(r -> r.contains(firstQuestion)), "the register flow's first question");
        assertThat(service.bean(Db.class).query("SELECT status FROM inbox WHERE channel = ? AND address = ?",
                rs -> rs.getString(1), channel(), address())).isNotEmpty().containsOnly("PROCESSED");
    }

    @Test
    void anUnsubscribeRequestIsStoredAsTheNeutralMessageAndAnsweredByTheOneUnsubscribeHandler() throws Exception {
        assumeTrue(takesCommands(), "no command line on this channel");
        send(unsubscribeRequest());

        List<String> seen = replies(1);
        assertThat(seen.get(0)).contains(notRegisteredAnswer());
        Db db = service.bean(Db.class);
        assertThat(db.query("SELECT status FROM inbox WHERE channel = ? AND address = ?", rs -> rs.getString(1),
                channel(), address())).containsExactly("PROCESSED");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = ? AND address = ?", channel(), address()))
                .isEqualTo(1);
    }

    @Test
    void eachMessageIsStoredOnceAndAnsweredInTurn() throws Exception {
        assumeTrue(takesCommands(), "no command line on this channel");
        send(unsubscribeRequest());
        replies(1);
        send(unsubscribeRequest());

        List<String> seen = replies(2);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).contains(notRegisteredAnswer());
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = ? AND address = ? "
                + "AND status = 'PROCESSED'", channel(), address())).isEqualTo(2);
    }
}
