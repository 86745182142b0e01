package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.conversation.Option;
import org.engagebot.newsletters.Audience;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The composers' audience (views/audience.html): ticks named area_*, sector_*, lang_* and ch_*, and a tags box
 * (comma-separated). Nothing ticked in a group means everyone, as in the API's {@code audience}.
 */
record AudienceForm(List<String> areas, List<String> sectors, List<String> languages, List<String> channels,
                    List<String> tags) {

    static AudienceForm read(Map<String, String> form, Areas areas) {
        return new AudienceForm(ticked(form, "area_", areas.all().stream().map(Option::value).toList()),
                ticked(form, "sector_", OrganisationLists.SECTORS.stream().map(Option::value).toList()),
                ticked(form, "lang_", List.of("en", "cy")), ticked(form, "ch_", List.of("email", "telegram")),
                Arrays.stream(Page.nz(form.get("tags")).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The audience as a newsletter takes it. */
    Audience newsletter() {
        return new Audience(areas, languages, channels, tags, sectors);
    }

    /** Adds {@code audience} to an API request (consultation, event) when anything narrows it. */
    ObjectNode applyTo(ObjectNode request) {
        if (areas.isEmpty() && sectors.isEmpty() && languages.isEmpty() && channels.isEmpty() && tags.isEmpty()) {
            return request;
        }
        ObjectNode a = request.putObject("audience");
        Map.of("areas", areas, "sectors", sectors, "languages", languages, "channels", channels, "tags", tags)
                .forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        v.forEach(a.putArray(k)::add);
                    }
                });
        return request;
    }

    private static List<String> ticked(Map<String, String> form, String prefix, List<String> values) {
        return values.stream().filter(v -> form.containsKey(prefix + v)).toList();
    }
}
