package org.engagebot.channel;

import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierTest {
    private static final Text HELLO = Text.of("Hello", "Helo");
    private static final Text SUBJECT = Text.of("News", "Newyddion");

    @Test
    void writesInTheRecipientsLanguage() {
        OutboundMessage m = Notifier.message(new Notifier.Recipient("telegram", "42", Language.CY), HELLO, SUBJECT);

        assertThat(m.text()).isEqualTo("Helo");
        assertThat(m.subject()).isEqualTo("Newyddion");
    }

    @Test
    void writesWelshAndEnglishWhenTheLanguageIsUnknown() {
        OutboundMessage m = Notifier.message(new Notifier.Recipient("email", "a@b.example", null), HELLO, SUBJECT);

        assertThat(m.text()).isEqualTo("Helo\n\nHello");
        assertThat(m.subject()).isEqualTo("Newyddion / News");
    }

    @Test
    void leavesTheSubjectOutWhenThereIsNone() {
        OutboundMessage m = Notifier.message(new Notifier.Recipient("telegram", "42", Language.EN), HELLO, null);

        assertThat(m).isEqualTo(OutboundMessage.text("Hello"));
    }

    @Test
    void reachesAParticipantOnTheirOwnChannelAndLanguage() {
        Notifier.Recipient to = Notifier.Recipient.of(new Participant(7, "telegram", "42", Language.EN, "Ann"));

        assertThat(to).isEqualTo(new Notifier.Recipient("telegram", "42", Language.EN));
        assertThat(to.byEmail()).isFalse();
    }

    @Test
    void canWriteToTheSameAddressInAnotherLanguage() {
        Notifier.Recipient to = new Notifier.Recipient("telegram", "42", null).inLanguage(Language.CY);

        assertThat(Notifier.message(to, HELLO, null).text()).isEqualTo("Helo");
        assertThat(to.address()).isEqualTo("42");
    }

    @Test
    void normalisesAStaffMailboxAsTheEmailChannelStoresIt() {
        Notifier.Recipient to = Notifier.Recipient.staffEmail("  Desk@OPCC.example ", null);

        assertThat(to.channel()).isEqualTo("email");
        assertThat(to.address()).isEqualTo("desk@opcc.example");
        assertThat(to.byEmail()).isTrue();
    }
}
