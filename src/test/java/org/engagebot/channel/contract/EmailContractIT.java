package org.engagebot.channel.contract;

import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;

import java.util.List;

/** The channel contract for email: GreenMail as the real IMAP and SMTP server; "unsubscribe" is the newsletter's mailto. */
class EmailContractIT extends ChannelContract {
    private static final String SENDER = "someone@contract.example";
    private MailHarness mail;
    private int sent;

    @Override
    String channel() {
        return "email";
    }

    @Override
    String address() {
        return SENDER;
    }

    @Override
    TestService startService() {
        mail = new MailHarness();
        return TestService.start(mail.properties());
    }

    @Override
    void stopChannel() {
        mail.close();
    }

    @Override
    String unsubscribeRequest() {
        return "unsubscribe";
    }

    @Override
    void send(String text) throws Exception {
        mail.toBot(mail.message(SENDER, text.strip(), "Sent from my phone (" + ++sent + ")"));
    }

    @Override
    List<String> replies(int count) {
        mail.waitFor(SENDER, count);
        return mail.to(SENDER).stream().map(MailHarness::text).toList();
    }

    @Override
    List<String> replies() {
        return mail.to(SENDER).stream().map(MailHarness::text).toList();
    }

    @Override
    String registerRequest() {
        return "register";
    }

    @Override
    String notRegisteredAnswer() {
        return SENDER + " is not on our newsletter list";
    }
}
