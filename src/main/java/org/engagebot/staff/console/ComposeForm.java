package org.engagebot.staff.console;

import org.engagebot.contacts.Areas;
import org.engagebot.conversation.Option;
import org.engagebot.newsletters.Audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The newsletter composer's fields: titles and Markdown bodies in both languages, and the audience ticks. */
record ComposeForm(String titleEn, String titleCy, String bodyEn, String bodyCy, Audience audience) {

    static ComposeForm read(Map<String, String> form, Areas areas) {
        List<String> picked = new ArrayList<>();
        for (Option o : areas.all()) {
            if (form.containsKey("area_" + o.value())) {
                picked.add(o.value());
            }
        }
        List<String> languages = new ArrayList<>();
        List.of("en", "cy").forEach(l -> {
            if (form.containsKey("lang_" + l)) {
                languages.add(l);
            }
        });
        List<String> channels = new ArrayList<>();
        List.of("email", "telegram").forEach(c -> {
            if (form.containsKey("ch_" + c)) {
                channels.add(c);
            }
        });
        return new ComposeForm(Page.nz(form.get("title_en")), Page.nz(form.get("title_cy")), Page.nz(form.get("body_en")),
                Page.nz(form.get("body_cy")), new Audience(picked, languages, channels, List.of()));
    }
}
