package org.engagebot.staff.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/** The header's Cymraeg / English switch: remembered for the staff member, then back to the page they were on. */
@Controller("/console/language")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class LanguageController {
    private final ConsolePreferences preferences;
    private final SessionCookies cookies;

    LanguageController(ConsolePreferences preferences, SessionCookies cookies) {
        this.preferences = preferences;
        this.cookies = cookies;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object choose(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        preferences.setLanguage(who.getName(), form.get("lang"));
        String back = Page.nz(form.get("back"));
        // only a console path, never another site (an open redirect)
        // the sign-in page reads in it too, the next time this browser signs in
        return Page.redirect(back.startsWith("/console") && !back.startsWith("//") && !back.contains("\\") ? back : "/console")
                .cookie(cookies.cookie(LoginController.LANG_COOKIE, LoginController.language(form.get("lang")), "/console",
                        java.time.Duration.ofDays(365)));
    }
}
