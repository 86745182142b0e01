package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.engagebot.staff.StaffAccount;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Builds a console page: the template plus what the layout needs (who is signed in, CSRF token, active section). */
final class Page {
    private Page() {
    }

    static ModelAndView<Map<String, Object>> of(String view, Authentication who, String section, Object... keyValues) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", who == null ? null : who.getName());
        model.put("admin", who != null && who.getRoles().contains(StaffAccount.ADMIN));
        model.put("csrf", Csrf.token(who));
        model.put("section", section);
        Object lang = who == null ? null : who.getAttributes().get(SessionAuthenticationFetcher.LANG);
        ConsoleText text = ConsoleText.of(lang == null ? "en" : lang.toString());
        model.put("time", ConsoleTime.of(text.lang()));
        model.put("labels", new Labels(null, text));
        model.put("t", text);
        model.put("lang", text.lang());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ModelAndView<>(view, model);
    }

    /** The signed-in person's console language, for texts that come from flows and features. */
    static org.engagebot.conversation.Language language(Authentication who) {
        Object lang = who == null ? null : who.getAttributes().get(SessionAuthenticationFetcher.LANG);
        return "cy".equals(lang) ? org.engagebot.conversation.Language.CY : org.engagebot.conversation.Language.EN;
    }

    static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
