package org.engagebot.channel.web;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
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

    /** A genuine, unexpired link: the session it resumes and when it was issued (it works once: WebSessions.resume). */
    record Link(String key, Instant issued) {
    }

    String url(String sessionKey) {
        Instant now = clock.instant();
        String payload = sessionKey + "." + now.plus(settings.resumeLinkTtl).getEpochSecond() + "." + now.toEpochMilli();
        return settings.publicUrl + "/forms/resume/" + payload + "." + signer.sign("resume|" + payload);
    }

    /** The session key a link resumes, if it is genuine and not expired. */
    Optional<String> read(String token) {
        return link(token).map(Link::key);
    }

    /** KEY.EXPIRY.ISSUED.SIGNATURE; links mailed before the issue time was added (KEY.EXPIRY.SIGNATURE) count as issued a TTL before expiry. */
    Optional<Link> link(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first || !signer.verify("resume|" + token.substring(0, last), token.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            String[] times = token.substring(first + 1, last).split("\\.");
            long expires = Long.parseLong(times[0]);
            Instant issued = times.length > 1 ? Instant.ofEpochMilli(Long.parseLong(times[1]))
                    : Instant.ofEpochSecond(expires).minus(settings.resumeLinkTtl);
            return expires > clock.instant().getEpochSecond() ? Optional.of(new Link(token.substring(0, first), issued))
                    : Optional.empty();
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
