package org.engagebot.channel.email.parse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One inbound email reduced to what Engagebot reads. Lists and maps are never null (possibly empty);
 * single values are null when absent, except {@code messageId} and {@code textBody}, which are always set.
 *
 * @param messageId   the Message-ID header without angle brackets, or "sha256:&lt;hex&gt;" of the raw bytes
 * @param from        sender address, lower-case
 * @param headers     every top-level header, lower-case names, values unfolded and RFC 2047 decoded
 * @param textBody    best plain text of the message ("" when there is none)
 * @param reportParts parts of a multipart/report meant for machines
 */
public record ParsedMail(String messageId, String from, String fromName, List<String> to, List<String> cc,
                         List<String> deliveredTo, String replyTo, String subject, String inReplyTo,
                         List<String> references, Instant date, Map<String, List<String>> headers,
                         String textBody, List<Attachment> attachments, List<Part> reportParts) {

    public ParsedMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        deliveredTo = List.copyOf(deliveredTo);
        references = List.copyOf(references);
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
        reportParts = List.copyOf(reportParts);
        textBody = textBody == null ? "" : textBody;
    }

    /** First value of a header (name in any case), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a header (name in any case). */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }
}
