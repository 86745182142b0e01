package org.engagebot.staff.console;

import org.engagebot.contacts.Areas;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.contacts.Profile;
import org.engagebot.contacts.ProfileForm;
import org.engagebot.conversation.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation form's fields, both ways: what staff posted (names as in contact-form.html, a tick per area
 * "area_conwy" and per sector "sector_youth") into a {@link ProfileForm}, and a profile into those fields for editing.
 * After an error the page is shown again from the posted fields themselves, so nothing typed is lost.
 */
final class ProfileFormReader {
    static final List<String> TEXTS = List.of("organisation", "name", "role", "email", "phone", "website", "description",
            "type", "source", "cvc", "language", "tags");

    private ProfileFormReader() {
    }

    static ProfileForm read(Map<String, String> form, Areas areas) {
        List<String> picked = new ArrayList<>();
        for (Option o : areas.all()) {
            if (form.containsKey("area_" + o.value())) {
                picked.add(o.value());
            }
        }
        List<String> sectors = new ArrayList<>();
        for (Option o : OrganisationLists.SECTORS) {
            if (form.containsKey("sector_" + o.value())) {
                sectors.add(o.value());
            }
        }
        return new ProfileForm(form.get("organisation"), form.get("name"), form.get("role"), form.get("email"),
                form.get("phone"), form.get("website"), form.get("description"), picked, sectors, form.get("type"),
                form.get("source"), form.get("cvc"), form.get("language"), form.get("tags"));
    }

    static ProfileForm.PersonForm person(Map<String, String> form) {
        return new ProfileForm.PersonForm(form.get("person_name"), form.get("person_role"), form.get("person_email"),
                form.get("person_phone"));
    }

    /** The form's fields for a profile, as the page reads them back. */
    static Map<String, String> fields(Profile p) {
        ProfileForm f = ProfileForm.of(p);
        Map<String, String> out = new HashMap<>();
        put(out, "organisation", f.organisation());
        put(out, "name", f.name());
        put(out, "role", f.role());
        put(out, "email", f.email());
        put(out, "phone", f.phone());
        put(out, "website", f.website());
        put(out, "description", f.description());
        put(out, "type", f.type());
        put(out, "source", f.source());
        put(out, "cvc", f.cvc());
        put(out, "language", f.language());
        put(out, "tags", f.tags());
        f.areas().forEach(a -> out.put("area_" + a, "on"));
        f.sectors().forEach(s -> out.put("sector_" + s, "on"));
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
