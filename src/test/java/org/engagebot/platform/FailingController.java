package org.engagebot.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
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

    /** A page whose template fails while it is being written, after the route has answered. */
    @Get("/broken-page")
    @View("test-broken")
    java.util.Map<String, Object> brokenPage() {
        return java.util.Map.of("secret", SECRET);
    }
}
