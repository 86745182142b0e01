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
        Object lang = who == null ? null : who.getAttributes().get(SessionAuthenticationFetcher.LANG);
        return of(view, who, section, ConsoleText.of(lang == null ? "en" : lang.toString()), keyValues);
    }

    /** A page before sign-in, in the language the browser last chose ({@link LoginController#LANG_COOKIE}). */
    static ModelAndView<Map<String, Object>> signedOut(String view, String lang, Object... keyValues) {
        return of(view, null, "login", ConsoleText.of(lang), keyValues);
    }

    private static ModelAndView<Map<String, Object>> of(String view, Authentication who, String section, ConsoleText text,
                                                         Object... keyValues) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", who == null ? null : who.getName());
        model.put("admin", who != null && who.getRoles().contains(StaffAccount.ADMIN));
        model.put("csrf", Csrf.token(who));
        model.put("section", section);
        model.put("time", ConsoleTime.of(text.lang()));
        model.put("labels", new Labels(null, text));
        model.put("t", text);
        model.put("lang", text.lang());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        inReadersLanguage(model, text);
        return new ModelAndView<>(view, model);
    }

    /** A feature's refusals ("error", or "errors" by field) as the console's own sentences; "bad" names the field. */
    private static void inReadersLanguage(Map<String, Object> model, ConsoleText text) {
        if (model.get("error") instanceof String error) {
            FeatureMessages.Said said = FeatureMessages.said(error, text);
            model.put("error", said.text());
            if (!said.field().isEmpty() && (model.get("bad") == null || "".equals(model.get("bad")))) {
                model.put("bad", said.field());
            }
        }
        if (model.get("errors") instanceof Map<?, ?> errors && !errors.isEmpty()) {
            Map<Object, Object> translated = new java.util.LinkedHashMap<>();
            errors.forEach((field, message) -> translated.put(field, message instanceof String m
                    ? FeatureMessages.said(m, text).text() : message));
            model.put("errors", translated);
        }
    }

    /** The console's words in the signed-in person's language. */
    static ConsoleText text(Authentication who) {
        return ConsoleText.of(language(who).code());
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
