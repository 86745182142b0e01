package org.engagebot.channel.web;

import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;

/** The web bundle's texts in one language, for templates: {@code ${t.get('web.continue')}}. */
record WebText(Messages messages, Language language) {

    public String get(String key) {
        return messages.get(key).in(language);
    }

    public String fmt(String key, Object arg) {
        return messages.get(key, arg).in(language);
    }

    public String fmt2(String key, Object first, Object second) {
        return messages.get(key, first, second).in(language);
    }

    public String code() {
        return language.code();
    }
}
