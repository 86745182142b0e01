package org.engagebot.staff.console;

import org.engagebot.contacts.Areas;
import org.engagebot.newsletters.Audience;

import java.util.Map;

/** The newsletter composer's fields: titles and Markdown bodies in both languages, and the audience ticks (AudienceForm). */
record ComposeForm(String titleEn, String titleCy, String bodyEn, String bodyCy, Audience audience) {

    static ComposeForm read(Map<String, String> form, Areas areas) {
        return new ComposeForm(Page.nz(form.get("title_en")), Page.nz(form.get("title_cy")), Page.nz(form.get("body_en")),
                Page.nz(form.get("body_cy")), AudienceForm.read(form, areas).newsletter());
    }
}
