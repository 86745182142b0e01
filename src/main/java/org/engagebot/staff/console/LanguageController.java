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

    LanguageController(ConsolePreferences preferences) {
        this.preferences = preferences;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object choose(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        preferences.setLanguage(who.getName(), form.get("lang"));
        String back = Page.nz(form.get("back"));
        // only a console path, never another site (an open redirect)
        return Page.redirect(back.startsWith("/console") && !back.startsWith("//") && !back.contains("\\") ? back : "/console");
    }
}
