package org.engagebot.staff.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The console's cookies: HttpOnly, SameSite=Strict, and Secure when the public URL is https. */
@Singleton
class SessionCookies {
    private final boolean secure;

    SessionCookies(@Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.secure = publicUrl.startsWith("https:");
    }

    Cookie session(String token) {
        return cookie(ConsoleSessions.COOKIE, token, "/", null);
    }

    Cookie endSession() {
        return cookie(ConsoleSessions.COOKIE, "", "/", Duration.ZERO);
    }

    Cookie cookie(String name, String value, String path, Duration maxAge) {
        Cookie c = Cookie.of(name, value).path(path).httpOnly(true).secure(secure).sameSite(SameSite.Strict);
        return maxAge == null ? c : c.maxAge(maxAge);
    }

    static String sessionToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(ConsoleSessions.COOKIE).map(Cookie::getValue).orElse(null);
    }
}
