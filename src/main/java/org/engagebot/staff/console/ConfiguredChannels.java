package org.engagebot.staff.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Which outbound channels are set up, so the console can warn before staff send to one that is not. */
@Singleton
class ConfiguredChannels {
    private final boolean email;
    private final boolean telegram;

    ConfiguredChannels(@Nullable @Value("${engagebot.mail.smtp.host:}") String smtpHost,
                       @Nullable @Value("${engagebot.telegram.token:}") String telegramToken) {
        this.email = smtpHost != null && !smtpHost.isBlank();
        this.telegram = telegramToken != null && !telegramToken.isBlank();
    }

    boolean email() {
        return email;
    }

    boolean telegram() {
        return telegram;
    }
}
