package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns an export tree into the readable, bilingual /mydata reply. */
@Singleton
class MyDataSummary {
    private final Messages messages;

    MyDataSummary(Messages messages) {
        this.messages = messages;
    }

    @SuppressWarnings("unchecked")
    Text of(Map<String, Object> data, String url) {
        Text out = messages.get("privacy.mydata.intro");
        Map<String, Object> contact = (Map<String, Object>) data.get("contact");
        if (contact == null) {
            out = add(out, messages.get("privacy.mydata.not-registered"));
        } else {
            Text subscribed = messages.get(contact.get("subscribed") instanceof Number n && n.intValue() == 1 ? "privacy.yes" : "privacy.no");
            out = add(out, messages.get("privacy.mydata.contact", v(contact, "organisation"), v(contact, "name"),
                    v(contact, "email"), v(contact, "phone"), v(contact, "website"), v(contact, "area"),
                    v(contact, "description")).append(subscribed, " "));
        }
        List<Map<String, Object>> channels = (List<Map<String, Object>>) data.get("channels");
        out = add(out, messages.get("privacy.mydata.channels",
                channels.stream().map(c -> String.valueOf(c.get("channel"))).distinct().collect(Collectors.joining(", "))));
        List<Map<String, Object>> consent = (List<Map<String, Object>>) data.get("consent");
        if (!consent.isEmpty()) {
            out = add(out, messages.get("privacy.mydata.consent", consent.size()));
            for (Map<String, Object> c : consent) {
                out = out.append(consentLine(c), "\n");
            }
        }
        out = add(out, messages.get("privacy.mydata.messages", ((List<?>) data.get("messagesReceived")).size(),
                ((List<?>) data.get("messagesSent")).size()));
        Map<String, Object> other = (Map<String, Object>) data.get("other");
        for (Map<String, Object> row : (List<Map<String, Object>>) other.getOrDefault("pending_registration", List.of())) {
            if (row.get("address") != null && !row.get("address").toString().isBlank()) {
                out = add(out, messages.get("identity.mydata.pending", row.get("address"),
                        String.valueOf(row.get("expires_at")).replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", " UTC")));
            }
        }
        if (!other.isEmpty()) {
            out = add(out, messages.get("privacy.mydata.other", String.join(", ", other.keySet())));
        }
        return add(add(out, messages.get("privacy.mydata.link", url)), messages.get("privacy.mydata.rights"));
    }

    private Text consentLine(Map<String, Object> c) {
        String purpose = String.valueOf(c.get("purpose"));
        Text label;
        try {
            label = messages.get("privacy.purpose." + purpose);
        } catch (IllegalArgumentException unknown) {
            label = Text.of(purpose, purpose);
        }
        Text decision = messages.get(Boolean.TRUE.equals(c.get("granted")) ? "privacy.granted" : "privacy.withdrawn");
        String day = String.valueOf(c.get("recordedAt")).substring(0, 10);
        Text line = messages.get("privacy.mydata.consent-line", c.get("version"), day, c.get("channel"));
        return new Text("• " + label.en() + ": " + decision.en() + " " + line.en(),
                "• " + label.cy() + ": " + decision.cy() + " " + line.cy());
    }

    private static Text add(Text text, Text more) {
        return text.append(more, "\n\n");
    }

    private static String v(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null || value.toString().isBlank() ? "–" : value.toString();
    }
}
