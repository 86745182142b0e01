package org.engagebot.conversation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads phone numbers as people write them ("01248 383 000", "+44 (0)1248 383000", "tel: 07911 123456 (mobile)")
 * with libphonenumber, UK by default. Ofcom's ranges kept for drama and examples (07700 900xxx, 01632 960xxx),
 * which GOV.UK uses as examples, are taken as well-formed. Stores E.164; shows UK numbers in national format.
 * An extension ("ext 22", "x22", Welsh "est. 22", "estyniad 22") is kept, stored after the number as in RFC 3966
 * ("+441248123456;ext=22") and shown as "01248 123456 ext. 22" (Welsh "est. 22").
 */
public final class PhoneReader {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern DRAMA = Pattern.compile("\\+44(7700900|1632960)\\d{3}");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    /** Welsh for extension, which libphonenumber does not know (it would read "est" as keypad digits). */
    private static final Pattern WELSH_EXTENSION = Pattern.compile("(?iu)\\b(?:estyniad|est)\\b\\.?:?\\s*(?=[0-9])");
    private static final String EXTENSION = ";ext=";

    /** What a typed number turned out to be. */
    sealed interface Read {
        record Number(String e164) implements Read {
        }

        record Several(List<String> e164) implements Read {
        }

        record TooShort() implements Read {
        }

        record TooLong() implements Read {
        }

        record NotANumber() implements Read {
        }
    }

    Read read(String text) {
        String t = WELSH_EXTENSION.matcher(PhoneWords.letterO(PhoneWords.spokenDigits(text.strip()))).replaceAll("ext ");
        if (!LETTERS.matcher(t).find() || t.startsWith("+") && !t.contains(",")) {
            Read whole = whole(t);
            if (whole instanceof Read.Number) {
                return whole;
            }
            Read inside = inside(t);
            return inside instanceof Read.NotANumber ? whole : inside;
        }
        return inside(t);
    }

    /** A stored number to show to people: UK numbers as dialled in the UK ("01248 383000"), others internationally. */
    public static String display(String stored) {
        return display(stored, null);
    }

    /** As {@link #display(String)}, with an extension as "ext. 22", or in Welsh "est. 22". */
    public static String display(String stored, Language language) {
        int ext = stored.indexOf(EXTENSION);
        if (ext < 0) {
            return number(stored);
        }
        String word = language == Language.CY ? " est. " : " ext. ";
        return number(stored.substring(0, ext)) + word + stored.substring(ext + EXTENSION.length());
    }

    private static String number(String e164) {
        try {
            PhoneNumber n = ukE164(e164);
            if (n == null) {
                n = UTIL.parse(e164, "GB");
            }
            return UTIL.format(n, n.getCountryCode() == 44 ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                    : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /**
     * A stored UK number ("+44" and 7 to 13 digits, the first not 0) as the number parsing it would give, without
     * parsing (most of the cost of showing one on a summary); null for anything else.
     */
    private static PhoneNumber ukE164(String s) {
        if (s.length() < 10 || s.length() > 16 || !s.startsWith("+44") || s.charAt(3) == '0') {
            return null;
        }
        for (int i = 3; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return new PhoneNumber().setCountryCode(44).setNationalNumber(Long.parseLong(s.substring(3)));
    }

    private static Read whole(String text) {
        try {
            PhoneNumber n = UTIL.parse(text, "GB");
            if (accepted(n)) {
                return new Read.Number(stored(n));
            }
            return switch (UTIL.isPossibleNumberWithReason(n)) {
                case TOO_SHORT, INVALID_LENGTH -> new Read.TooShort();
                case TOO_LONG -> new Read.TooLong();
                default -> new Read.NotANumber();
            };
        } catch (NumberParseException e) {
            return e.getErrorType() == NumberParseException.ErrorType.TOO_SHORT_NSN ? new Read.TooShort()
                    : new Read.NotANumber();
        }
    }

    private static Read inside(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (PhoneNumberMatch m : UTIL.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (accepted(m.number())) {
                found.add(stored(m.number()));
            }
        }
        if (found.isEmpty()) {
            return new Read.NotANumber();
        }
        return found.size() == 1 ? new Read.Number(found.iterator().next()) : new Read.Several(new ArrayList<>(found));
    }

    private static boolean accepted(PhoneNumber n) {
        // a number valid in GB is valid (GB is the first region of +44, so isValidNumber would find it and check it
        // again): the shortcut spares that second check for most numbers typed here
        return n.getCountryCode() == 44 && UTIL.isValidNumberForRegion(n, "GB") || UTIL.isValidNumber(n)
                || DRAMA.matcher(e164(n)).matches();
    }

    /** E.164, with the extension if there is one. */
    private static String stored(PhoneNumber n) {
        return n.hasExtension() && !n.getExtension().isEmpty() ? e164(n) + EXTENSION + n.getExtension() : e164(n);
    }

    private static String e164(PhoneNumber n) {
        return UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
