package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

/** The web channel's own texts: i18n/web_en.properties and web_cy.properties. */
@Singleton
class WebMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "web";
    }
}
