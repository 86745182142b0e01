package org.engagebot.conversation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a typed answer for a step type and normalises it: emails lower-cased, phones in E.164 (UK default
 * region), URLs with a scheme, postcodes upper-cased and spaced, dates ISO, choices as their option value.
 * Stateless and thread-safe.
 */
@Singleton
public class AnswerValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");
    private static final int DEFAULT_MAX = 1000;

    private final Messages messages;
    private final Clock clock;
    private final ChoiceReader choices;

    public AnswerValidator(Messages messages, Clock clock, ChoiceReader choices) {
        this.messages = messages;
        this.clock = clock;
        this.choices = choices;
    }

    public Validation validate(StepType type, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return invalid("invalid.empty");
        }
        if (type instanceof StepType.FreeText t) {
            return freeText(t, text);
        } else if (type instanceof StepType.Email) {
            return email(text);
        } else if (type instanceof StepType.Phone) {
            return phone(text);
        } else if (type instanceof StepType.Url) {
            return url(text);
        } else if (type instanceof StepType.Postcode) {
            return postcode(text);
        } else if (type instanceof StepType.SingleChoice c) {
            return choices.single(c.options(), text).<Validation>map(Validation.Valid::new)
                    .orElseGet(() -> invalid("invalid.choice"));
        } else if (type instanceof StepType.MultiChoice m) {
            return choices.multi(m, text);
        } else if (type instanceof StepType.Date d) {
            return new DateReader(clock, messages).read(d, text);
        } else if (type instanceof StepType.Consent c) {
            return consent(c, text);
        }
        return yesNo(text);
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

    private Validation email(String text) {
        String candidate = text.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(candidate).matches() || candidate.length() > 254) {
            return invalid("invalid.email");
        }
        try {
            new InternetAddress(candidate, true).validate();
            return new Validation.Valid(candidate);
        } catch (AddressException e) {
            return invalid("invalid.email");
        }
    }

    private Validation phone(String text) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(text, "GB");
            if (!util.isValidNumber(number)) {
                return invalid("invalid.phone");
            }
            return new Validation.Valid(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return invalid("invalid.phone");
        }
    }

    private Validation url(String text) {
        String candidate = text.matches("(?i)^https?://.*") ? text : "https://" + text;
        try {
            URI uri = new URI(candidate);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || text.contains(" ") || candidate.length() > 500) {
                return invalid("invalid.url");
            }
            return new Validation.Valid(uri.toString());
        } catch (URISyntaxException e) {
            return invalid("invalid.url");
        }
    }

    private Validation postcode(String text) {
        var m = POSTCODE.matcher(text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            return invalid("invalid.postcode");
        }
        return new Validation.Valid(m.group(1) + " " + m.group(2));
    }

    private Validation yesNo(String text) {
        return choices.yesNo(text).<Validation>map(Validation.Valid::new).orElseGet(() -> invalid("invalid.yes-no"));
    }

    private Validation consent(StepType.Consent c, String text) {
        var answer = choices.yesNo(text);
        if (answer.isEmpty()) {
            return invalid("invalid.yes-no");
        }
        if (c.required() && answer.get().equals("no")) {
            return invalid("invalid.consent-required");
        }
        return new Validation.Valid(answer.get());
    }

    private Validation invalid(String key) {
        return new Validation.Invalid(messages.get(key));
    }
}
