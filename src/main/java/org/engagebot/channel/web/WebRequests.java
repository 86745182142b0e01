package org.engagebot.channel.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.StepView;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking, for every web page: the web session from the cookie and its participant, the rate limits, and the
 * session and language set up before a form starts (the language is chosen through the engine, as in chat).
 */
@Singleton
class WebRequests {
    private final WebSessions sessions;
    private final WebTurns turns;
    private final WebLimits limits;
    private final PageModel pages;
    private final WebSettings settings;

    WebRequests(WebSessions sessions, WebTurns turns, WebLimits limits, PageModel pages, WebSettings settings) {
        this.sessions = sessions;
        this.turns = turns;
        this.limits = limits;
        this.pages = pages;
        this.settings = settings;
    }

    /** The browser's web session, if its cookie names one, and its participant once it has sent anything. */
    record Visitor(@Nullable String key, Optional<Participant> participant) {
        @Nullable
        Language language() {
            return participant.map(Participant::language).orElse(null);
        }
    }

    /**
     * A session ready for a form, in the language asked for; {@code cookie} is set when it was just made, {@code turn}
     * holds the messages that were waiting for it, taken by setting the language.
     */
    record Session(String key, Participant participant, @Nullable Cookie cookie, WebTurns.Turn turn) {
        MutableHttpResponse<?> withCookie(MutableHttpResponse<?> response) {
            return cookie == null ? response : response.cookie(cookie);
        }
    }

    Visitor visitor(HttpRequest<?> request) {
        Optional<String> key = request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).flatMap(sessions::key);
        return new Visitor(key.orElse(null), key.flatMap(turns::participant));
    }

    boolean allow(HttpRequest<?> request, Visitor visitor) {
        return limits.allow(ip(request), visitor.key());
    }

    /** Whether a "save and come back later" mail may go to this typed address today. */
    boolean allowSaveMail(String address) {
        return limits.allowSaveMail(address);
    }

    Session session(Visitor visitor, Language language) {
        String key = visitor.key();
        Cookie cookie = null;
        if (key == null) {
            WebSessions.Issued issued = sessions.issue(null);
            key = issued.key();
            cookie = cookie(issued.token());
        }
        Optional<Participant> p = visitor.participant();
        WebTurns.Turn turn = WebTurns.Turn.NONE;
        if (p.isEmpty() || p.get().language() != language) {
            turn = turns.send(key, messageId(), StepView.language(language));
            p = turns.participant(key);
        }
        return new Session(key, p.orElseThrow(), cookie, turn);
    }

    /**
     * The language a posted page was shown in (its hidden {@code lang}): a {@code ?lang=} link only shows a page in a
     * language, so the session's language changes here, by a POST, as message {@code messageId} of that page.
     */
    WebTurns.Turn postedLanguage(String key, Participant p, @Nullable String lang, String messageId) {
        Optional<Language> asked = Language.parse(lang);
        if (asked.isEmpty() || asked.get() == p.language()) {
            return WebTurns.Turn.NONE;
        }
        return turns.send(key, messageId, StepView.language(asked.get()));
    }

    Cookie cookie(String token) {
        return Cookie.of(WebSessions.COOKIE, token).path("/forms").httpOnly(true).secure(settings.secureCookie)
                .sameSite(SameSite.Lax);
    }

    MutableHttpResponse<?> chooseLanguage(String path) {
        Map<String, Object> model = pages.base(Language.CY, path, "Dewiswch eich iaith / Choose your language");
        model.put("cy", pages.text(Language.CY));
        model.put("en", pages.text(Language.EN));
        return PageModel.render(HttpStatus.OK, "web/language", model);
    }

    MutableHttpResponse<?> slowDown(Language language, String path) {
        return pages.notice(HttpStatus.TOO_MANY_REQUESTS, language, path, "web.slow-down.heading", "web.slow-down",
                path, "web.start-again").header("Retry-After", "60");
    }

    static String messageId() {
        return "web-" + UUID.randomUUID();
    }

    static String ip(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "?" : remote.getAddress().getHostAddress();
    }
}
