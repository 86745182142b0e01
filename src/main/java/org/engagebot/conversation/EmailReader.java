package org.engagebot.conversation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the email address in what was typed: "email: info@example.org", "<info@example.org>",
 * "mailto:Info@Example.org.", "info @ example.org". One address is taken (lower-cased); several are offered
 * to choose from; a well-known mail domain with a slip in it ("gmial.com") is queried, and so is an address said
 * in words or with a stray space or comma ("jane at example dot org", "jane@example .org"). Stateless.
 */
final class EmailReader {
    private static final Pattern ADDRESS = Pattern.compile(
            "[\\p{L}0-9!#$%&'*+=?^_`{|}~.-]+@[\\p{L}0-9](?:[\\p{L}0-9-]*[\\p{L}0-9])?(?:\\.[\\p{L}0-9](?:[\\p{L}0-9-]*[\\p{L}0-9])?)+");
    private static final Pattern SPACED_AT = Pattern.compile("\\s*@\\s*|\\s*[\\[(]\\s*at\\s*[\\])]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPELT_DOT = Pattern.compile("\\s*[\\[(]\\s*dot\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    /** Said rather than typed: "jane at example dot org", "jane@example .org", "jane@example,org". */
    private static final Pattern SAID_AT = Pattern.compile("(?i)(?<=[\\p{L}0-9._-])\\s+at\\s+(?=[\\p{L}0-9])");
    private static final Pattern SAID_DOT = Pattern.compile(
            "(?i)\\s+dot\\s+(?=[\\p{L}0-9])|(?<=[\\p{L}0-9])(?:\\s+\\.\\s*|\\s*\\.\\s+|,)(?=\\p{L}{2,})");
    private static final List<String> COMMON = List.of("gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk",
            "outlook.com", "live.co.uk", "yahoo.com", "yahoo.co.uk", "btinternet.com", "icloud.com", "aol.com",
            "sky.com", "talktalk.net", "virginmedia.com", "ntlworld.com", "protonmail.com");

    /** An address as typed, or the addresses it may have meant ({@code slip}: the first is the typed one put right). */
    record Read(String address, List<String> candidates, boolean slip) {
    }

    /** The address found, the addresses to choose between, or neither (empty candidates, null address). */
    Read read(String text, boolean exact) {
        String spaced = SPELT_DOT.matcher(SPACED_AT.matcher(text.strip()).replaceAll("@")).replaceAll(".");
        Set<String> found = addresses(spaced);
        if (found.size() > 1) {
            return new Read(null, List.copyOf(found), false);
        }
        if (found.isEmpty()) {
            Set<String> said = addresses(SAID_DOT.matcher(SAID_AT.matcher(spaced).replaceAll("@")).replaceAll("."));
            return said.size() == 1 ? new Read(null, List.copyOf(said), true) : new Read(null, List.of(), false);
        }
        String address = found.iterator().next();
        String fixed = exact ? null : commonDomainSlip(address);
        return fixed == null ? new Read(address, List.of(), false) : new Read(null, List.of(fixed, address), true);
    }

    private static Set<String> addresses(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String a = m.group().replaceAll("^[.'-]+|[.'-]+$", "").toLowerCase(Locale.ROOT);
            if (valid(a)) {
                found.add(a);
            }
        }
        return found;
    }

    private static boolean valid(String address) {
        if (address.length() > 254 || address.contains("..") || address.indexOf('@') < 1) {
            return false;
        }
        String tld = address.substring(address.lastIndexOf('.') + 1);
        if (tld.length() < 2 || tld.chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** The address with a well-known domain put right ("gmial.com" → "gmail.com"), or null. */
    private static String commonDomainSlip(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        if (COMMON.contains(domain)) {
            return null;
        }
        List<String> close = new ArrayList<>();
        for (String d : COMMON) {
            if (Typos.distance(domain, d) <= (d.length() > 9 ? 2 : 1)) {
                close.add(d);
            }
        }
        return close.size() == 1 ? address.substring(0, address.indexOf('@') + 1) + close.get(0) : null;
    }
}
