package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.ChannelSetup;

/** Email can send when it is enabled and has an SMTP server, or the embedded dev server stands in for it. */
@Singleton
class EmailSetup implements ChannelSetup {
    private final MailSettings settings;

    EmailSetup(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public boolean canSend() {
        return settings.enabled && (settings.smtp != null || settings.useDevServer());
    }
}
