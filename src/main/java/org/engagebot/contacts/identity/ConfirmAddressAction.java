package org.engagebot.contacts.identity;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Optional;
import java.util.Set;

/**
 * Completes conversations/confirm-address.yaml: the typed code goes to {@link AddressProofs#confirm}; a wrong or dead
 * code asks again (the flow starts over), "new" sends a new code. Anything that is not 6 digits is not counted as a
 * try. Channel-blind: every channel that runs flows asks for the code the same way.
 */
@Singleton
@Named(ConfirmAddressAction.NAME)
class ConfirmAddressAction implements FlowAction {
    static final String NAME = "confirm-address";

    private static final Set<String> NEW_CODE = Set.of("new", "new code", "resend", "send again", "newydd", "cod newydd",
            "côd newydd", "ailanfon", "anfon eto");

    private final AddressProofs proofs;
    private final Messages messages;

    ConfirmAddressAction(AddressProofs proofs, Messages messages) {
        this.proofs = proofs;
        this.messages = messages;
    }

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{3})[\\s-]?(\\d{3})(?!\\d)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        String typed = c.answer("code") == null ? "" : c.answer("code").strip();
        if (NEW_CODE.contains(typed.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""))) {
            return proofs.resend(c.participant()).map(s -> started(s, "identity.code.resent"))
                    .orElseGet(() -> Outcome.of(messages.get("identity.code.nothing")));
        }
        Optional<String> code = codeIn(typed);
        if (code.isEmpty()) {
            return retry(messages.get("identity.code.not-a-code"));
        }
        AddressProofs.Confirmation result = proofs.confirm(c.participant(), code.get());
        if (result instanceof AddressProofs.Confirmation.Confirmed ok) {
            return new Outcome(ok.messages());
        } else if (result instanceof AddressProofs.Confirmation.Wrong wrong) {
            return retry(messages.get("identity.code.wrong", wrong.triesLeft()));
        } else if (result instanceof AddressProofs.Confirmation.Spent) {
            return retry(messages.get("identity.code.spent"));
        }
        return Outcome.of(messages.get("identity.code.nothing"));
    }

    /**
     * The code in what was typed: "123456", "123 456", "123-456", or inside a sentence ("my code is 123456.",
     * "Cod: 123 456"). Exactly one 6-digit group, or none (then no try is counted).
     */
    static Optional<String> codeIn(String typed) {
        Matcher m = CODE.matcher(typed);
        if (!m.find()) {
            return Optional.empty();
        }
        String code = m.group(1) + m.group(2);
        return m.find() ? Optional.empty() : Optional.of(code);
    }

    /** What to say after asking for a code: sent (ask for it) or refused. */
    Outcome started(AddressProofs.Started started, String sentKey) {
        if (started instanceof AddressProofs.Started.Sent sent) {
            return again(messages.get(sentKey, sent.address(), Math.max(1, sent.validFor().toMinutes())));
        }
        return again(messages.get("identity.code.refused"));
    }

    private static Outcome retry(Text reason) {
        return Outcome.retry(AddressProofs.CONFIRM_FLOW, reason);
    }

    private static Outcome again(Text text) {
        return Outcome.then(AddressProofs.CONFIRM_FLOW, text);
    }
}
