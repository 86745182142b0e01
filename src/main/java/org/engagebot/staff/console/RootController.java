package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** The bare address opens the console (which sends a browser without a session to the sign-in form). */
@Controller("/")
@Secured(SecurityRule.IS_ANONYMOUS)
class RootController {
    @Get("/")
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/console"));
    }
}
