package org.engagebot.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns CSV records into {@link ImportRow}s or a reason the row is rejected. Stateless apart from the areas. */
final class ImportRows {
    static final Set<String> COLUMNS = Set.of("organisation", "name", "email", "phone", "area", "language", "telegram",
            "subscribed", "role", "sector", "type", "source", "cvc", "website", "description", "contact2_name",
            "contact2_role", "contact2_email", "contact2_phone");
    /** Other names a header may use for a column. */
    private static final Map<String, String> ALIASES = Map.of("areas", "area", "sectors", "sector", "remit", "sector",
            "organisation_type", "type", "second_name", "contact2_name", "second_email", "contact2_email",
            "second_phone", "contact2_phone", "second_role", "contact2_role", "organization", "organisation");
    static final String COLUMN_LIST = "organisation, name, role, email, phone, area, sector (or remit), type, source, "
            + "cvc, website, description, language, telegram, subscribed, contact2_name, contact2_role, contact2_email, "
            + "contact2_phone";
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern CHAT_ID = Pattern.compile("^-?\\d{1,20}$");
    private static final int MAX_TEXT = 200;

    private final Map<String, Integer> columns;
    private final Areas areas;

    private ImportRows(Map<String, Integer> columns, Areas areas) {
        this.columns = columns;
        this.areas = areas;
    }

    /** Reads the header; an unknown or missing required column is a reason, returned as an Exception-free message. */
    static Object header(List<String> header, Areas areas) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            String name = ALIASES.getOrDefault(raw, raw);
            if (!COLUMNS.contains(name)) {
                return "unknown column '" + header.get(i).strip() + "'; use any of " + COLUMN_LIST;
            }
            if (columns.putIfAbsent(name, i) != null) {
                return "column '" + name + "' appears twice";
            }
        }
        if (!columns.containsKey("email")) {
            return "the header row needs an email column";
        }
        return new ImportRows(columns, areas);
    }

    /** An {@link ImportRow}, or a String saying why the row is rejected. */
    Object read(int line, List<String> fields) {
        if (fields.size() > COLUMNS.size() && fields.size() > columns.size()) {
            return "more fields than columns";
        }
        String email = get(fields, "email");
        if (email == null) {
            return "email is missing";
        }
        email = email.toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return "email '" + email + "' is not a valid address";
        }
        String organisation = get(fields, "organisation");
        String name = get(fields, "name");
        if ((organisation != null && organisation.length() > MAX_TEXT) || (name != null && name.length() > MAX_TEXT)) {
            return "organisation or name is longer than " + MAX_TEXT + " characters";
        }
        String phone = get(fields, "phone");
        if (phone != null) {
            phone = e164(phone);
            if (phone == null) {
                return "phone '" + get(fields, "phone") + "' is not a valid phone number";
            }
        }
        String area = get(fields, "area");
        if (area != null) {
            String raw = area;
            area = areas.match(raw).orElse(null);
            if (area == null) {
                return "area '" + raw + "' is not one of the areas list";
            }
        }
        String language = get(fields, "language");
        if (language != null) {
            language = language(language);
            if (language == null) {
                return "language '" + get(fields, "language") + "' must be en or cy";
            }
        }
        String telegram = get(fields, "telegram");
        if (telegram != null && !CHAT_ID.matcher(telegram).matches()) {
            return "telegram '" + telegram + "' is not a Telegram chat id (a number)";
        }
        String subscribed = get(fields, "subscribed");
        Boolean sub = null;
        if (subscribed != null) {
            sub = yesNo(subscribed);
            if (sub == null) {
                return "subscribed '" + subscribed + "' must be yes or no (ie or na)";
            }
        }
        Object profile = profile(fields);
        if (profile instanceof String reason) {
            return reason;
        }
        ImportRow.Extra extra = (ImportRow.Extra) profile;
        return new ImportRow(line, organisation, name, email, phone, area, language, telegram, sub, extra);
    }

    /** The profile columns: remit or sector, type, source and CVC, website, description, a second contact person. */
    private Object profile(List<String> fields) {
        String sector = get(fields, "sector");
        List<String> sectors = OrganisationLists.match(OrganisationLists.SECTORS, sector);
        if (sectors == null) {
            return "sector '" + sector + "' is not on the list (" + String.join(", ", OrganisationLists.SECTORS.stream()
                    .map(o -> o.label().en()).toList()) + ")";
        }
        String type = get(fields, "type");
        String typeValue = type == null ? null : OrganisationLists.one(OrganisationLists.TYPES, type).orElse(null);
        if (type != null && typeValue == null) {
            return "type '" + type + "' is not one of charity, CIC, community group, social enterprise, faith group, other";
        }
        String source = get(fields, "source");
        String sourceValue = source == null ? null : OrganisationLists.one(OrganisationLists.SOURCES, source).orElse(null);
        if (source != null && sourceValue == null) {
            return "source '" + source + "' is not one of chat, email, web, import, staff, cvc";
        }
        String cvc = get(fields, "cvc");
        String website = get(fields, "website");
        String description = get(fields, "description");
        String role = get(fields, "role");
        for (String text : new String[]{cvc, website, role}) {
            if (text != null && text.length() > MAX_TEXT) {
                return "role, cvc or website is longer than " + MAX_TEXT + " characters";
            }
        }
        if (description != null && description.length() > 5000) {
            return "description is longer than 5,000 characters";
        }
        String email2 = get(fields, "contact2_email");
        if (email2 != null) {
            email2 = email2.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email2).matches()) {
                return "contact2_email '" + email2 + "' is not a valid address";
            }
        }
        String phone2 = get(fields, "contact2_phone");
        if (phone2 != null) {
            String raw = phone2;
            phone2 = e164(phone2);
            if (phone2 == null) {
                return "contact2_phone '" + raw + "' is not a valid phone number";
            }
        }
        String name2 = get(fields, "contact2_name");
        String role2 = get(fields, "contact2_role");
        ProfileForm.PersonForm second = name2 == null && email2 == null && phone2 == null ? null
                : new ProfileForm.PersonForm(name2, role2, email2, phone2);
        return new ImportRow.Extra(role, sectors.isEmpty() ? null : String.join(",", sectors), typeValue,
                sourceValue != null ? sourceValue : cvc != null ? "cvc" : null, cvc, website, description, second);
    }

    private String get(List<String> fields, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    static String e164(String phone) {
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            Phonenumber.PhoneNumber n = util.parse(phone, "GB");
            return util.isValidNumber(n) ? util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String language(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "en", "english", "saesneg":
                return "en";
            case "cy", "welsh", "cymraeg":
                return "cy";
            default:
                return null;
        }
    }

    private static Boolean yesNo(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "ie", "true", "1":
                return Boolean.TRUE;
            case "no", "n", "na", "false", "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
