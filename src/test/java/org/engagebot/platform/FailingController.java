package org.engagebot.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Only in {@link ErrorResponsesIT}: a route that fails the way a bug would, with personal data in the message. */
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "test.failing-controller", value = "true")
class FailingController {
    static final String SECRET = "lookup failed for jane@helpinghands.org";

    @Get("/fail")
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
