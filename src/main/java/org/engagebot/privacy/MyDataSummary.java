package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Areas;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.PhoneReader;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an export tree into the readable, bilingual /mydata reply: areas, channels and kinds of record by their
 * names in the reader's language, never by a stored code, table name or wording version.
 */
@Singleton
class MyDataSummary {
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final java.util.Locale WELSH = java.util.Locale.forLanguageTag("cy");

    private final Messages messages;
    private final Areas areas;

    MyDataSummary(Messages messages, Areas areas) {
        this.messages = messages;
        this.areas = areas;
    }

    @SuppressWarnings("unchecked")
    Text of(Map<String, Object> data, String url) {
        Text out = messages.get("privacy.mydata.intro");
        Map<String, Object> contact = (Map<String, Object>) data.get("contact");
        if (contact == null) {
            out = add(out, messages.get("privacy.mydata.not-registered"));
        } else {
            Text subscribed = messages.get(contact.get("subscribed") instanceof Number n && n.intValue() == 1 ? "privacy.yes" : "privacy.no");
            Text area = areaNames(String.valueOf(contact.get("area") == null ? "" : contact.get("area")));
            String phone = contact.get("phone") == null ? null : contact.get("phone").toString();
            Text details = messages.get("privacy.mydata.contact", v(contact, "organisation"), v(contact, "name"),
                    v(contact, "email"), "%PHONE%", v(contact, "website"), "%AREA%", v(contact, "description"));
            out = add(out, new Text(details.en().replace("%AREA%", area.en()).replace("%PHONE%", phone(phone, Language.EN)),
                    details.cy().replace("%AREA%", area.cy()).replace("%PHONE%", phone(phone, Language.CY)))
                    .append(subscribed, " "));
        }
        List<Map<String, Object>> channels = (List<Map<String, Object>>) data.get("channels");
        Text channelNames = join(channels.stream().map(c -> String.valueOf(c.get("channel"))).distinct().toList(),
                c -> named("privacy.channel." + c, "privacy.channel.other"));
        out = add(out, messages.get("privacy.mydata.channels").format(channelNames.en(), channelNames.cy()));
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
            Text kinds = join(other.keySet().stream().toList(), t -> named("privacy.table." + t, "privacy.table.other"));
            out = add(out, messages.get("privacy.mydata.other").format(kinds.en(), kinds.cy()));
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
        java.time.LocalDate day = java.time.LocalDate.parse(String.valueOf(c.get("recordedAt")).substring(0, 10));
        Text channel = named("privacy.channel." + c.get("channel"), "privacy.channel.other");
        Text line = messages.get("privacy.mydata.consent-line").format(day.format(DAY.withLocale(java.util.Locale.UK)),
                channel.en(), channel.cy());
        Text welsh = messages.get("privacy.mydata.consent-line").format(day.format(DAY.withLocale(WELSH)),
                channel.en(), channel.cy());
        return new Text("• " + label.en() + ": " + decision.en() + " " + line.en(),
                "• " + label.cy() + ": " + decision.cy() + " " + welsh.cy());
    }

    /** A stored area ("conwy,gwynedd") by its names in each language; "–" when there is none. */
    private Text areaNames(String stored) {
        List<String> values = Areas.values(stored);
        if (values.isEmpty()) {
            return Text.of("–", "–");
        }
        Map<String, Text> labels = areas.all().stream().collect(Collectors.toMap(Option::value, Option::label, (a, b) -> a));
        return join(values, v -> labels.getOrDefault(v, messages.get("privacy.area.other")));
    }

    /** A message for a code, or the general one when the code has none. */
    private Text named(String key, String otherwise) {
        try {
            return messages.get(key);
        } catch (IllegalArgumentException unknown) {
            return messages.get(otherwise);
        }
    }

    private static <T> Text join(List<T> items, Function<T, Text> name) {
        List<Text> names = items.stream().map(name).distinct().toList();
        return new Text(names.stream().map(Text::en).collect(Collectors.joining(", ")),
                names.stream().map(Text::cy).collect(Collectors.joining(", ")));
    }

    private static Text add(Text text, Text more) {
        return text.append(more, "\n\n");
    }

    private static String phone(String stored, Language language) {
        return stored == null ? "–" : PhoneReader.display(stored, language);
    }

    private static String v(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null || value.toString().isBlank() ? "–" : value.toString();
    }
}
