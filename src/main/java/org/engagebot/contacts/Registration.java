package org.engagebot.contacts;

/** What a registering organisation told us; the consent wording version it agreed to. */
public record Registration(String organisation, String name, String area, String email, String phone, String website,
                           String description, String language, boolean newsletter, String consentVersion) {
}
