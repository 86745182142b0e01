package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies from each mail client keep exactly the sender's new words once parsed and trimmed. */
class ClientRepliesTest {

    private final MailParser parser = new MailParser();
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    static List<ClientReplies.Reply> replies() throws Exception {
        return ClientReplies.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void keepsOnlyTheNewWords(ClientReplies.Reply reply) {
        ParsedMail mail = ((ParseOutcome.Parsed) parser.parse(reply.raw())).mail();
        assertThat(trimmer.trim(mail.textBody())).isEqualTo(reply.expected());
    }
}
