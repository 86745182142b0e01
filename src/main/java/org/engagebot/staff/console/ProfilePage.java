package org.engagebot.staff.console;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.Profile;
import org.engagebot.contacts.Profiles;
import org.engagebot.conversation.Option;
import org.engagebot.privacy.ConsentService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One organisation's page: details, contact people, consent history, its records in other features, staff notes and
 * the history of changes; with the note and person forms, which come back here with what was typed after an error.
 */
@Singleton
class ProfilePage {
    private static final java.util.Set<String> DONE = java.util.Set.of("added", "saved", "note", "person", "removed",
            "primary", "merged");

    private final Profiles profiles;
    private final ConsentService consents;
    private final Areas areas;

    ProfilePage(Profiles profiles, ConsentService consents, Areas areas) {
        this.profiles = profiles;
        this.consents = consents;
        this.areas = areas;
    }

    Optional<Object> of(Authentication who, long id, Map<String, String> typed, Map<String, String> errors, String done) {
        return profiles.profile(id).map(p -> Page.of("contact", who, "contacts", "p", p, "c", p.contact(),
                "consents", consents.history(id), "sections", profiles.records(id), "areaText", areas(p, areaLabels(Page.language(who).code())),
                "labels", new Labels(areas, ConsoleText.of(Page.language(who).code())), "f", typed, "errors", errors, "done", done == null || !DONE.contains(done) ? null
                        : ConsoleText.of(Page.language(who).code()).m("done." + done)));
    }

    Map<String, String> areaLabels() {
        return areaLabels("en");
    }

    /** Area labels in the reader's language. */
    Map<String, String> areaLabels(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Option o : areas.all()) {
            out.put(o.value(), "cy".equals(lang) ? o.label().cy() : o.label().en());
        }
        return out;
    }

    /** The profile's areas as staff read them ("Conwy, Gwynedd"). */
    static String areas(Profile p, Map<String, String> labels) {
        return String.join(", ", p.areas().stream().map(a -> labels.getOrDefault(a, a)).toList());
    }
}
