package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.StepType;

/** Completes the register flow: one contact per email address, consent recorded with its wording version. */
@Singleton
class RegistrationAction implements FlowAction {
    private final ContactService contacts;
    private final Messages messages;

    RegistrationAction(ContactService contacts, Messages messages) {
        this.contacts = contacts;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "register-contact";
    }

    @Override
    public Outcome complete(Completion c) {
        String version = c.flow().step("consent").map(s -> ((StepType.Consent) s.type()).version()).orElse("unknown");
        Language language = c.participant().language();
        String website = c.answer("website");
        Registration r = new Registration(c.answer("organisation"), c.answer("contact_name"), c.answer("area"),
                c.answer("email"), c.answer("phone"), website == null || website.isEmpty() ? null : website,
                c.answer("description"), language == null ? null : language.code(), c.yes("newsletter"), version);
        ContactService.Registered result = contacts.register(r, c.participant());
        return Outcome.of(messages.get(result.updated() ? "contacts.registration.updated" : "contacts.registration.done",
                result.contact().organisation()));
    }
}
