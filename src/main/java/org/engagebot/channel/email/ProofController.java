package org.engagebot.channel.email;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link in a request for proof: GET only shows what will happen and a button (mail scanners follow links), the
 * POST acts once ({@link ProofActions#onLink}). The token in the path is the secret; pages carry no personal data
 * beyond the answers of a registration waiting for confirmation. Welsh and English when the language is unknown.
 */
@Controller("/public/confirm")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProofController {
    private final ProofStore store;
    private final ProofActions actions;
    private final FlowRegistry flows;
    private final FormText text;
    private final Messages messages;
    private final Transactions tx;

    ProofController(ProofStore store, ProofActions actions, FlowRegistry flows, FormText text, Messages messages,
                    Transactions tx) {
        this.store = store;
        this.actions = actions;
        this.flows = flows;
        this.text = text;
        this.messages = messages;
        this.tx = tx;
    }

    /** A paragraph in one language. */
    record Para(String lang, String text) {
    }

    @Get("/{token}")
    HttpResponse<?> page(@PathVariable String token) {
        Optional<ProofStore.Pending> pending = store.find(token);
        if (pending.isEmpty()) {
            return invalid();
        }
        ProofStore.Pending p = pending.get();
        String key = "proof.page." + p.kind().name().toLowerCase(java.util.Locale.ROOT).replace("flow", "register");
        List<String> answers = p.kind() == ProofStore.Kind.FLOW
                ? flows.find(p.flowId()).map(f -> text.answerLines(f, p.answers(), p.language())).orElse(List.of())
                : List.of();
        return HttpResponse.ok(page(p.language(), messages.get(key), answers,
                messages.get(key + ".button").label(p.language()), "/public/confirm/" + token))
                .header("Cache-Control", "no-store");
    }

    @Post("/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.ALL})
    HttpResponse<?> act(@PathVariable String token) {
        Optional<ProofStore.Pending> pending = store.find(token);
        Optional<ProofStore.Kind> done = tx.write(() -> actions.onLink(token));
        if (done.isEmpty() || pending.isEmpty()) {
            return invalid();
        }
        String key = "proof.page." + done.get().name().toLowerCase(java.util.Locale.ROOT).replace("flow", "register") + ".done";
        return HttpResponse.ok(page(pending.get().language(), messages.get(key), List.of(), null, null))
                .header("Cache-Control", "no-store");
    }

    private HttpResponse<?> invalid() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(page(null, messages.get("proof.page.invalid"), List.of(),
                null, null));
    }

    private ModelAndView<Map<String, Object>> page(Language language, Text body, List<String> answers, String button,
                                                   String action) {
        List<Para> paragraphs = new ArrayList<>();
        if (language == null) {
            paragraphs.add(new Para("cy", body.cy()));
            paragraphs.add(new Para("en", body.en()));
        } else {
            paragraphs.add(new Para(language.code(), body.in(language)));
        }
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("lang", language == null ? "cy" : language.code());
        model.put("title", messages.get("proof.page.title").label(language));
        model.put("paragraphs", paragraphs);
        model.put("answers", answers);
        model.put("button", button);
        model.put("action", action);
        return new ModelAndView<>("proof", model);
    }
}
