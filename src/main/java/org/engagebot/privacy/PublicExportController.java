package org.engagebot.privacy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Messages;

/** GET /public/mydata/{token}: a person's own data as a JSON file, while their 24-hour link is valid. */
@Controller("/public/mydata")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicExportController {
    private final PrivacyService privacy;
    private final Messages messages;

    PublicExportController(PrivacyService privacy, Messages messages) {
        this.privacy = privacy;
        this.messages = messages;
    }

    @Get(value = "/{token}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<String> download(String token) {
        return privacy.exportForLink(token)
                .map(json -> HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"my-data.json\"")
                        .header("Cache-Control", "no-store"))
                .orElseGet(() -> HttpResponse.<String>notFound(messages.get("privacy.link.expired").in(null))
                        .contentType(MediaType.TEXT_PLAIN_TYPE + "; charset=utf-8"));
    }
}
