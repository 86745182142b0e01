package org.engagebot.channel.email;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.engagebot.channel.email.parse.MailLimits;

/** The parser's limits, with the largest message taken from engagebot.mail.max-size. */
@Factory
class MailLimitsFactory {

    @Singleton
    MailLimits mailLimits(MailSettings settings) {
        return new MailLimits(settings.maxSize, MailLimits.DEFAULT.maxParts(), MailLimits.DEFAULT.maxDepth());
    }
}
