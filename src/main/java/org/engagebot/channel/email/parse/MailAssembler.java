package org.engagebot.channel.email.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.james.mime4j.dom.address.Mailbox;

/** Builds a {@link ParsedMail} from what a {@link MailCollector} gathered. */
final class MailAssembler {

    private MailAssembler() {
    }

    static ParsedMail assemble(MailCollector collected, String contentHash) {
        Map<String, List<String>> headers = collected.headers;
        List<Mailbox> from = HeaderValues.mailboxes(first(headers, "from"));
        Mailbox sender = from.isEmpty() ? null : from.get(0);
        List<String> ids = HeaderValues.messageIds(first(headers, "message-id"));
        List<String> replyTo = HeaderValues.addresses(first(headers, "reply-to"));
        List<String> inReplyTo = HeaderValues.messageIds(first(headers, "in-reply-to"));
        return new ParsedMail(
                ids.isEmpty() ? contentHash : ids.get(0),
                sender == null ? null : sender.getAddress().toLowerCase(Locale.ROOT),
                sender == null || sender.getName() == null ? null : sender.getName().strip(),
                all(headers, "to"), all(headers, "cc"), all(headers, "delivered-to"),
                replyTo.isEmpty() ? null : replyTo.get(0),
                first(headers, "subject"),
                inReplyTo.isEmpty() ? null : inReplyTo.get(0),
                HeaderValues.messageIds(first(headers, "references")),
                HeaderValues.date(first(headers, "date")),
                headers, bodyText(collected), collected.attachments, collected.reportParts);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> headers, String name) {
        List<String> result = new ArrayList<>();
        headers.getOrDefault(name, List.of()).forEach(v -> result.addAll(HeaderValues.addresses(v)));
        return result;
    }

    /**
     * A multipart whose boundaries never appear (a report stripped in transit) has all its content in the
     * preamble; that text is the message's only words, so it stands in for the body.
     */
    private static String bodyText(MailCollector collected) {
        String best = bestText(collected.texts);
        return best.isBlank() && collected.texts.isEmpty() && collected.attachments.isEmpty()
                && collected.reportParts.isEmpty() && !collected.preamble.isBlank() ? collected.preamble : best;
    }

    /** Plain text of the message itself first, then its HTML, then the same from embedded messages. */
    private static String bestText(List<MailCollector.TextPart> texts) {
        return pick(texts, t -> t.depth() <= 1 && !t.html())
                .or(() -> pick(texts, t -> t.depth() <= 1))
                .or(() -> pick(texts, t -> !t.html()))
                .or(() -> pick(texts, t -> true))
                .orElse("");
    }

    private static Optional<String> pick(List<MailCollector.TextPart> texts, Predicate<MailCollector.TextPart> which) {
        return texts.stream().filter(which).filter(t -> !t.text().isBlank()).findFirst()
                .map(t -> t.html() ? HtmlText.toText(t.text()) : t.text().replace("\r\n", "\n"));
    }
}
