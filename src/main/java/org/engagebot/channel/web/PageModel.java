package org.engagebot.channel.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;

import java.util.HashMap;
import java.util.Map;

/**
 * What every web page's layout needs: the texts in the page's language, the language switch back to the same place
 * (Welsh first), the office's name. Also the plain notice page (slow down, expired, not found, a bot's polite page).
 */
@Singleton
class PageModel {
    private final Messages messages;
    private final String officeEn;
    private final String officeCy;

    PageModel(Messages messages,
              @Value("${engagebot.office.name.en:North Wales Police and Crime Commissioner}") String officeEn,
              @Value("${engagebot.office.name.cy:Comisiynydd Heddlu a Throsedd Gogledd Cymru}") String officeCy) {
        this.messages = messages;
        this.officeEn = officeEn;
        this.officeCy = officeCy;
    }

    /** The model of a page shown at {@code path} (no query) in {@code language}. */
    Map<String, Object> base(Language language, String path, String title) {
        Language l = language == null ? Language.CY : language;
        Map<String, Object> model = new HashMap<>();
        model.put("t", new WebText(messages, l));
        model.put("lang", l.code());
        model.put("path", path);
        model.put("cyUrl", path + "?lang=cy");
        model.put("enUrl", path + "?lang=en");
        model.put("office", l == Language.CY ? officeCy : officeEn);
        model.put("title", title);
        return model;
    }

    WebText text(Language language) {
        return new WebText(messages, language == null ? Language.CY : language);
    }

    static MutableHttpResponse<?> render(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    MutableHttpResponse<?> notice(HttpStatus status, Language language, String path, String headingKey, String textKey,
                                  String linkUrl, String linkKey) {
        WebText t = text(language);
        Map<String, Object> model = base(language, path, t.get(headingKey));
        model.put("heading", t.get(headingKey));
        model.put("text", t.get(textKey));
        model.put("linkUrl", linkUrl);
        model.put("linkText", linkKey == null ? null : t.get(linkKey));
        return render(status, "web/notice", model);
    }
}
