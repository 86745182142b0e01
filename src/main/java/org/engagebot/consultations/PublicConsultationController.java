package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Language;

/** GET /public/consultations/{id}?lang=cy|en: a published consultation's page (Welsh unless English is asked for). */
@Controller("/public/consultations")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicConsultationController {
    private final ConsultationService service;
    private final PublicPage page;
    private final ConsultationTexts texts;

    PublicConsultationController(ConsultationService service, PublicPage page, ConsultationTexts texts) {
        this.service = service;
        this.page = page;
        this.texts = texts;
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> show(long id, @Nullable @QueryValue String lang) {
        Language l = Language.parse(lang).orElse(Language.CY);
        return service.byId(id).filter(Consultation::published)
                .map(c -> HttpResponse.ok(page.render(c, l)))
                .orElseGet(() -> HttpResponse.<String>notFound().body("<!DOCTYPE html><html lang=\"" + l.code()
                        + "\"><head><meta charset=\"utf-8\"><title>404</title></head><body><main><h1>"
                        + texts.say("consultations.page.not-found", l) + "</h1></main></body></html>"));
    }
}
