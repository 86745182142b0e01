package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a typed answer for a step type and normalises it: emails found in the text and lower-cased, phones in
 * E.164 (UK default region), URLs with a scheme, postcodes upper-cased and spaced, dates ISO, choices as their
 * option values, yes/no in either language. What it cannot take comes back {@link Validation.Invalid} with the
 * reason and, where it can guess, suggestions ("Did you mean …?"). Used by every channel (chat and email forms).
 * Stateless and thread-safe.
 */
@Singleton
public class AnswerValidator {
    /** A UK postcode anywhere in the text ("my postcode is LL57 2DG", "ll57 2 dg", "LL57 2DG, Bangor"). */
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?)[ -]?([0-9]) ?([A-Z]{2})(?![A-Z0-9])");
    /** Two parts with the space in the wrong place ("LL5 72DG"): taken when together they make one postcode. */
    private static final Pattern SPLIT = Pattern.compile("(?<![A-Z0-9])([A-Z0-9]{2,5}) ([A-Z0-9]{2,5})(?![A-Z0-9])");
    private static final Pattern WHOLE_POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})");
    private static final int DEFAULT_MAX = 1000;

    private final Messages messages;
    private final Clock clock;
    private final ChoiceReader choices;
    private final YesNoReader yesNo = new YesNoReader(Vocabulary.standard());
    private final EmailReader emails = new EmailReader();
    private final PhoneReader phones = new PhoneReader();
    private final WebAddressReader webAddresses = new WebAddressReader();

    public AnswerValidator(Messages messages, Clock clock, ChoiceReader choices) {
        this.messages = messages;
        this.clock = clock;
        this.choices = choices;
    }

    public Validation validate(StepType type, String raw) {
        return validate(type, raw, false);
    }

    /**
     * @param picked the answer is one the participant picked from what was offered (a button), so it is taken as
     *               it stands rather than queried again
     */
    public Validation validate(StepType type, String raw, boolean picked) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return invalid("invalid.empty");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            // U+FFFD is what a decoder leaves for bytes that were not valid text (bad UTF-8 from a form, a wrongly
            // labelled mail): storing it would keep a garbled name for good, so ask for it again.
            return invalid("invalid.unreadable");
        }
        if (type instanceof StepType.FreeText t) {
            return freeText(t, text);
        } else if (type instanceof StepType.Email) {
            return email(text, picked);
        } else if (type instanceof StepType.Phone) {
            return phone(text);
        } else if (type instanceof StepType.Url) {
            return url(text);
        } else if (type instanceof StepType.Postcode) {
            return postcode(text);
        } else if (type instanceof StepType.SingleChoice c) {
            return choices.singleAnswer(c.options(), text);
        } else if (type instanceof StepType.MultiChoice m) {
            return choices.multi(m, text);
        } else if (type instanceof StepType.Date d) {
            return new DateReader(clock, messages).read(d, text);
        } else if (type instanceof StepType.Consent c) {
            return consent(c, text);
        }
        return yesNo((StepType.YesNo) type, text);
    }

    /** What a yes/no or consent answer means, however it was written. */
    public YesNoReader.Meaning meaning(String text) {
        return yesNo.read(text);
    }

    /** Whether an answer to an optional question says there is nothing to give ("none", "no website", "nac oes"). */
    public boolean isSkip(String text) {
        return yesNo.isSkip(text);
    }

    /**
     * Whether an answer to a website question says there is none by naming a social media site with no address
     * ("we only have a Facebook page", "dim ond tudalen Facebook sydd gennym").
     */
    public boolean saysNoWebsite(String text) {
        if (!SocialPages.namesASite(text)) {
            return false;
        }
        WebAddressReader.Read read = webAddresses.read(text);
        return read.url() == null && read.candidates().isEmpty();
    }

    private Validation freeText(StepType.FreeText t, String text) {
        int max = t.maxLength() > 0 ? t.maxLength() : DEFAULT_MAX;
        if (text.length() > max) {
            return new Validation.Invalid(messages.get("invalid.too-long", max, text.length()));
        }
        if (text.length() < t.minLength()) {
            return new Validation.Invalid(messages.get("invalid.too-short", t.minLength()));
        }
        return new Validation.Valid(text);
    }

    private Validation email(String text, boolean picked) {
        EmailReader.Read read = emails.read(text, picked);
        if (read.address() != null) {
            return new Validation.Valid(read.address());
        }
        if (read.candidates().isEmpty()) {
            return invalid("invalid.email");
        }
        List<Option> offered = read.candidates().stream().map(a -> new Option(a, Text.of(a, a))).toList();
        String key = read.slip() ? "query.email-slip" : "query.which-email";
        return new Validation.Invalid(messages.get(key, read.candidates().get(0)), offered);
    }

    private Validation phone(String text) {
        PhoneReader.Read read = phones.read(text);
        if (read instanceof PhoneReader.Read.Number n) {
            return new Validation.Valid(n.e164());
        }
        if (read instanceof PhoneReader.Read.Several s) {
            List<Option> offered = s.e164().stream()
                    .map(e -> new Option(e, Text.of(PhoneReader.display(e), PhoneReader.display(e)))).toList();
            return new Validation.Invalid(messages.get("query.which-phone"), offered);
        }
        if (read instanceof PhoneReader.Read.TooShort) {
            return invalid("invalid.phone-short");
        }
        return invalid(read instanceof PhoneReader.Read.TooLong ? "invalid.phone-long" : "invalid.phone");
    }

    private Validation url(String text) {
        WebAddressReader.Read read = webAddresses.read(text);
        if (read.url() != null) {
            return new Validation.Valid(read.url());
        }
        if (read.candidates().isEmpty()) {
            return invalid("invalid.url");
        }
        return new Validation.Invalid(messages.get("query.which-url"),
                read.candidates().stream().map(u -> new Option(u, Text.of(u, u))).toList());
    }

    /** The one postcode in the text; two different ones, or none, are asked for again. */
    private Validation postcode(String text) {
        var m = POSTCODE.matcher(text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        String found = null;
        while (m.find()) {
            String postcode = m.group(1) + " " + m.group(2) + m.group(3);
            if (found != null && !found.equals(postcode)) {
                return invalid("invalid.postcode");
            }
            found = postcode;
        }
        return found != null ? new Validation.Valid(found) : misspaced(text);
    }

    private Validation misspaced(String text) {
        var m = SPLIT.matcher(text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        String found = null;
        while (m.find()) {
            var whole = WHOLE_POSTCODE.matcher(m.group(1) + m.group(2));
            if (whole.matches()) {
                if (found != null) {
                    return invalid("invalid.postcode");
                }
                found = whole.group(1) + " " + whole.group(2) + whole.group(3);
            }
        }
        return found == null ? invalid("invalid.postcode") : new Validation.Valid(found);
    }

    private Validation yesNo(StepType.YesNo type, String text) {
        YesNoReader.Meaning meaning = yesNo.read(text);
        if (meaning == YesNoReader.Meaning.YES || meaning == YesNoReader.Meaning.NO) {
            return new Validation.Valid(meaning == YesNoReader.Meaning.YES ? "yes" : "no");
        }
        AnswerWords words = AnswerWords.of(type, messages);
        return new Validation.Invalid(messages.get(meaning == YesNoReader.Meaning.UNSURE ? "invalid.yes-no-unsure"
                : "invalid.yes-no").format(words.yes().en(), words.no().en(), words.yes().cy(), words.no().cy()));
    }

    private Validation consent(StepType.Consent c, String text) {
        YesNoReader.Meaning meaning = yesNo.read(text);
        if (meaning == YesNoReader.Meaning.YES) {
            return new Validation.Valid("yes");
        }
        if (meaning == YesNoReader.Meaning.NO) {
            return c.required() ? invalid("invalid.consent-required") : new Validation.Valid("no");
        }
        return invalid(meaning == YesNoReader.Meaning.UNSURE ? "invalid.consent-unsure" : "invalid.consent");
    }

    private Validation invalid(String key) {
        return new Validation.Invalid(messages.get(key));
    }
}
