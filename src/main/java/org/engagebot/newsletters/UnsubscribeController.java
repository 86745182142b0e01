package org.engagebot.newsletters;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.util.OptionalLong;

/**
 * One-click unsubscribe (RFC 8058). POST unsubscribes at once, whether from a mail client's
 * "List-Unsubscribe=One-Click" or the page's button; GET only shows the bilingual page with the button,
 * so link scanners that follow links cannot unsubscribe anyone.
 */
@Controller("/public/unsubscribe")
@Secured(SecurityRule.IS_ANONYMOUS)
class UnsubscribeController {
    private final UnsubscribeTokens tokens;
    private final Unsubscriber unsubscriber;
    private final Messages messages;

    UnsubscribeController(UnsubscribeTokens tokens, Unsubscriber unsubscriber, Messages messages) {
        this.tokens = tokens;
        this.unsubscriber = unsubscriber;
        this.messages = messages;
    }

    @Get("/{token}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> page(@PathVariable String token) {
        if (tokens.verify(token).isEmpty()) {
            return invalid();
        }
        String form = "<form method=\"post\" action=\"/public/unsubscribe/" + PublicPage.esc(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">" + PublicPage.esc(label("newsletters.unsubscribe.button")) + "</button></form>";
        return HttpResponse.ok(bilingual("newsletters.unsubscribe.question", form));
    }

    @Post("/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_JSON, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribe(@PathVariable String token) {
        OptionalLong contact = tokens.verify(token);
        if (contact.isEmpty() || !unsubscriber.unsubscribe(contact.getAsLong())) {
            return invalid();
        }
        return HttpResponse.ok(bilingual("newsletters.unsubscribe.done", ""));
    }

    private HttpResponse<String> invalid() {
        return HttpResponse.<String>notFound().body(bilingual("newsletters.unsubscribe.invalid", ""))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    private String bilingual(String key, String extra) {
        Text title = messages.get("newsletters.unsubscribe.title");
        Text text = messages.get(key);
        String body = "<h1>" + PublicPage.esc(title.label(null)) + "</h1>\n"
                + "<p lang=\"cy\">" + PublicPage.esc(text.cy()) + "</p>\n<p lang=\"en\">" + PublicPage.esc(text.en()) + "</p>\n"
                + extra;
        return PublicPage.render("cy", title.label(null), body);
    }

    private String label(String key) {
        return messages.get(key).label(null);
    }
}
