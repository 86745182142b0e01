package org.engagebot.channel.web;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The two hidden fields of every web form. {@code csrf} is bound to the web session; {@code form} is issued with each
 * page (time issued, random id, signature), so a submission is stored once however often it is sent (the id is the
 * inbox dedupe key) and one sent back sooner than a person could read the page is recognised.
 */
@Singleton
class FormTokens {
    static final String CSRF = "csrf";
    static final String FORM = "form";

    private final WebSigner signer;
    private final Clock clock;

    FormTokens(WebSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    record PageToken(String id, Instant issuedAt) {
    }

    String csrf(String sessionKey) {
        return signer.sign("csrf|" + sessionKey);
    }

    boolean csrfValid(String sessionKey, String sent) {
        return signer.verify("csrf|" + sessionKey, sent);
    }

    String issue(String sessionKey) {
        String payload = clock.millis() + "." + WebSigner.random(12);
        return payload + "." + signer.sign("form|" + sessionKey + "|" + payload);
    }

    Optional<PageToken> read(String sessionKey, String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first || !signer.verify("form|" + sessionKey + "|" + token.substring(0, last),
                token.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PageToken(token.substring(first + 1, last),
                    Instant.ofEpochMilli(Long.parseLong(token.substring(0, first)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
