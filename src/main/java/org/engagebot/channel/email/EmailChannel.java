package org.engagebot.channel.email;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.DisabledBeanException;
import jakarta.inject.Singleton;

/** Email is the channel "email"; addresses are lower-cased email addresses. Builds the sender when SMTP is set. */
@Factory
class EmailChannel {
    static final String NAME = "email";

    @Singleton
    @Bean(preDestroy = "close")
    EmailSender emailSender(MailServers servers, MailSettings settings, MimeComposer composer, SentMail sent,
                            HoldList holds) {
        var smtp = servers.smtp().orElseThrow(() -> new DisabledBeanException("email out off: no SMTP host"));
        return new EmailSender(servers.smtpSession(), smtp, settings, composer, sent, holds);
    }
}
