package org.engagebot.channel.email;

import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.ChannelSenderContract;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The SMTP sender against GreenMail, read back as the recipient's mail client would. */
class EmailSenderContractIT implements ChannelSenderContract {
    private static MailHarness mail;
    private static TestService service;

    @BeforeAll
    static void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties());
    }

    @AfterAll
    static void stop() {
        service.close();
        mail.close();
    }

    @Override
    public ChannelSender sender() {
        return service.context().getBeansOfType(ChannelSender.class).stream()
                .filter(s -> s.channel().equals("email")).findFirst().orElseThrow();
    }

    @Override
    public String reachableAddress() {
        return "secretary@cylch.example";
    }

    @Override
    public List<String> receivedAt(String address) {
        return mail.to(address).stream().map(EmailSenderContractIT::plainText).toList();
    }

    /** The decoded text/plain part, as a mail client shows it. */
    private static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(plainText(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> refusedAddress() {
        return Optional.of("two@at@example.org");
    }
}
