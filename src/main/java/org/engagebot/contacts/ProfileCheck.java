package org.engagebot.contacts;

import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and cleans what staff typed for a profile or a contact person, as GOV.UK asks: normalise first (a phone
 * number in any familiar format, a website without https://), then say what is wrong and how to fix it, by field.
 */
@Singleton
class ProfileCheck {
    private static final int MAX_TEXT = 200;
    private static final int MAX_LONG = 5000;

    private final Areas areas;
    private final ContactStore contacts;

    ProfileCheck(Areas areas, ContactStore contacts) {
        this.areas = areas;
        this.contacts = contacts;
    }

    record Checked(ProfileForm form, Map<String, String> errors) {
    }

    record CheckedPerson(ProfileForm.PersonForm person, Map<String, String> errors) {
    }

    /** @param id the contact being edited, or null for a new one (its email must be free either way) */
    Checked form(ProfileForm f, Long id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String organisation = text(f.organisation(), MAX_TEXT, "organisation", "The organisation's name", errors);
        if (organisation == null && !errors.containsKey("organisation")) {
            errors.put("organisation", "Enter the organisation's name");
        }
        String name = text(f.name(), MAX_TEXT, "name", "The contact's name", errors);
        String role = text(f.role(), MAX_TEXT, "role", "The role", errors);
        String email = email(f.email(), "email", errors);
        if (email != null && !errors.containsKey("email")) {
            Optional<Contact> holder = contacts.byEmail(email);
            if (holder.isPresent() && (id == null || holder.get().id() != id)) {
                errors.put("email", "Another organisation's record (" + Optional.ofNullable(holder.get().organisation())
                        .orElse("no organisation") + ") already uses this email address: merge the two records instead");
            }
        }
        String phone = phone(f.phone(), "phone", errors);
        String website = website(f.website(), errors);
        String description = text(f.description(), MAX_LONG, "description", "What the organisation does", errors);
        List<String> areaValues = new ArrayList<>();
        for (String a : f.areas()) {
            Optional<String> v = areas.match(a);
            if (v.isEmpty()) {
                errors.put("areas", "Choose areas from the list");
            } else {
                areaValues.addAll(Areas.values(v.get()));
            }
        }
        List<String> sectors = OrganisationLists.match(OrganisationLists.SECTORS, String.join(",", f.sectors()));
        if (sectors == null) {
            errors.put("sectors", "Choose the remit or sector from the list");
        }
        String type = listed(OrganisationLists.TYPES, f.type(), "type", "Choose the type of organisation from the list", errors);
        String source = listed(OrganisationLists.SOURCES, f.source(), "source", "Choose how the organisation came to us", errors);
        String cvc = text(f.cvc(), MAX_TEXT, "cvc", "The CVC's name", errors);
        if ("cvc".equals(source) && cvc == null && !errors.containsKey("cvc")) {
            errors.put("cvc", "Enter the name of the CVC that shared this organisation");
        }
        String language = blank(f.language()) ? null : f.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !language.equals("en") && !language.equals("cy")) {
            errors.put("language", "Choose English, Welsh or both");
            language = null;
        }
        String tags = tags(f.tags());
        List<String> orderedAreas = areaValues.isEmpty() ? List.of()
                : Areas.values(areas.match(String.join(",", areaValues)).orElse(""));
        return new Checked(new ProfileForm(organisation, name, role, email, phone, website, description, orderedAreas,
                sectors == null ? List.of() : sectors, type, source, cvc, language, tags), errors);
    }

    CheckedPerson person(ProfileForm.PersonForm p) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(p.name(), MAX_TEXT, "person_name", "The name", errors);
        String role = text(p.role(), MAX_TEXT, "person_role", "The role", errors);
        String email = email(p.email(), "person_email", errors);
        String phone = phone(p.phone(), "person_phone", errors);
        if (name == null && email == null && phone == null && errors.isEmpty()) {
            errors.put("person_name", "Enter the person's name, email address or phone number");
        }
        return new CheckedPerson(new ProfileForm.PersonForm(name, role, email, phone), errors);
    }

    private static String text(String value, int max, String field, String what, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.put(field, what + " must be " + String.format("%,d", max) + " characters or fewer");
        }
        return v;
    }

    private static String email(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.length() > 254 || !ImportRows.EMAIL.matcher(v).matches()) {
            errors.put(field, "Enter an email address in the correct format, like name@example.org");
            return value.strip();
        }
        return v;
    }

    private static String phone(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String e164 = ImportRows.e164(value.strip());
        if (e164 == null) {
            errors.put(field, "Enter a telephone number, like 01632 960 001 or 07700 900 982");
            return value.strip();
        }
        return e164;
    }

    private static String website(String value, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        String full = v.matches("(?i)^https?://.*") ? v : "https://" + v;
        try {
            URI uri = new URI(full);
            if (uri.getHost() != null && uri.getHost().contains(".") && !v.contains(" ")) {
                return full;
            }
        } catch (URISyntaxException notAUrl) {
            // falls through to the error
        }
        errors.put("website", "Enter the website address, like www.example.org");
        return v;
    }

    private static String listed(List<org.engagebot.conversation.Option> list, String value, String field, String message,
                                 Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        Optional<String> v = OrganisationLists.one(list, value);
        if (v.isEmpty()) {
            errors.put(field, message);
            return null;
        }
        return v.get();
    }

    private static String tags(String value) {
        if (blank(value)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String t : value.split("[,;]")) {
            String v = t.strip().toLowerCase(Locale.ROOT);
            if (!v.isEmpty() && !out.contains(v)) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : String.join(",", out);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
