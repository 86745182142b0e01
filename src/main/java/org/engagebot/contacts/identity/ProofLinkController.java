package org.engagebot.contacts.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;


/**
 * The links in a code mail: "this wasn't me" (GET only shows a page with a button, as mail link scanners prefetch
 * links; the POST records it), and the confirm link older mails carried, which now confirms nothing. Pages are in Welsh and English; the token
 * names no person, and a dead or unknown token gets the same 404 page.
 */
@Controller("/public/identity")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProofLinkController {
    private final AddressProofs proofs;
    private final ProofNotices notices;
    private final Transactions tx;
    private final Messages messages;

    ProofLinkController(AddressProofs proofs, ProofNotices notices, Transactions tx, Messages messages) {
        this.proofs = proofs;
        this.notices = notices;
        this.tx = tx;
        this.messages = messages;
    }

    /**
     * The confirm link older code mails carried. It confirms nothing any more: pressed by the address's owner it would
     * link whichever chat asked, a stranger's included. Every token, live or not, gets the same page (410), saying
     * to type the code in the conversation that asked; so the page tells nothing about the token either.
     */
    @Get("/confirm/{token}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> confirmPage(@PathVariable String token) {
        return gone();
    }

    @Post("/confirm/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> confirm(@PathVariable String token) {
        return gone();
    }

    private HttpResponse<String> gone() {
        return HttpResponse.<String>status(HttpStatus.GONE).body(ProofPage.render(messages.get("identity.page.confirm.title"),
                messages.get("identity.page.confirm.gone"), "")).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store");
    }

    @Get("/not-me/{token}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> denyPage(@PathVariable String token) {
        if (proofs.deniable(token).isEmpty()) {
            return invalid();
        }
        return page("identity.page.deny.title", messages.get("identity.page.deny.question", notices.blockDays()),
                form("not-me", token, "identity.page.deny.button"));
    }

    @Post("/not-me/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> deny(@PathVariable String token) {
        if (!tx.write(() -> proofs.deny(token))) {
            return invalid();
        }
        notices.wake("email");
        return page("identity.page.deny.title", messages.get("identity.page.deny.done", notices.blockDays()), "");
    }

    private HttpResponse<String> invalid() {
        return HttpResponse.<String>notFound().body(ProofPage.render(messages.get("identity.page.invalid.title"),
                messages.get("identity.page.invalid"), "")).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private HttpResponse<String> page(String titleKey, Text text, String extra) {
        return HttpResponse.ok(ProofPage.render(messages.get(titleKey), text, extra)).header("Cache-Control", "no-store");
    }

    private String form(String path, String token, String buttonKey) {
        return "<form method=\"post\" action=\"/public/identity/" + path + "/" + ProofPage.esc(token) + "\">"
                + "<button type=\"submit\">" + ProofPage.esc(messages.get(buttonKey).label(null)) + "</button></form>";
    }
}
