package org.engagebot.channel.web;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * "Come back later" links: /forms/resume/KEY.EXPIRY.SIGNATURE, signed with the web key, valid for
 * engagebot.web.resume-link-ttl. Whoever holds the link can carry on that web session, so it goes only to the address
 * the person typed for it.
 */
@Singleton
class ResumeLinks {
    private final WebSigner signer;
    private final WebSettings settings;
    private final Clock clock;

    ResumeLinks(WebSigner signer, WebSettings settings, Clock clock) {
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    String url(String sessionKey) {
        long expires = clock.instant().plus(settings.resumeLinkTtl).getEpochSecond();
        String payload = sessionKey + "." + expires;
        return settings.publicUrl + "/forms/resume/" + payload + "." + signer.sign("resume|" + payload);
    }

    /** The session key a link resumes, if it is genuine and not expired. */
    Optional<String> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first || !signer.verify("resume|" + token.substring(0, last), token.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            long expires = Long.parseLong(token.substring(first + 1, last));
            return expires > clock.instant().getEpochSecond() ? Optional.of(token.substring(0, first)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The hidden field of the resume page's button, bound to the link. */
    String csrf(String token) {
        return signer.sign("resume-csrf|" + token);
    }

    boolean csrfValid(String token, String sent) {
        return signer.verify("resume-csrf|" + token, sent);
    }

    long ttlDays() {
        return Math.max(1, settings.resumeLinkTtl.toDays());
    }
}
