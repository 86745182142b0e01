package org.engagebot.channel.email.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;

/**
 * Collects headers, text, attachment sizes and report parts from one Mime4j parse. Single use, not
 * thread-safe. Embedded messages are not parsed: their size is counted, and inside a report their header
 * block is kept. Throws {@link LimitExceeded} as soon as a part-count or nesting limit is broken.
 */
final class MailCollector extends AbstractContentHandler {

    static final int TEXT_CAP = 2 * 1024 * 1024;
    private static final int HEADER_CAP = 256 * 1024;
    private static final Set<String> REPORT_TYPES = Set.of("message/delivery-status",
            "message/global-delivery-status", "message/feedback-report", "text/rfc822-headers",
            "message/global-headers");

    private final MailLimits limits;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    final List<TextPart> texts = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    final List<Part> reportParts = new ArrayList<>();
    private final Deque<String> containers = new ArrayDeque<>();
    private int messageDepth;
    private int parts;
    /** The top-level multipart's preamble, read only when a multipart yields no parts (boundaries lost). */
    String preamble = "";

    MailCollector(MailLimits limits) {
        this.limits = limits;
    }

    @Override
    public void startMessage() throws MimeException {
        messageDepth++;
        containers.push("message");
        checkDepth();
    }

    @Override
    public void endMessage() {
        messageDepth--;
        containers.pop();
    }

    @Override
    public void startBodyPart() throws MimeException {
        if (++parts > limits.maxParts()) {
            throw new LimitExceeded("too many parts: over limit " + limits.maxParts());
        }
    }

    @Override
    public void field(Field field) {
        if (messageDepth == 1 && containers.size() == 1) {
            headers.computeIfAbsent(field.getNameLowerCase(), k -> new ArrayList<>())
                    .add(HeaderValues.decode(field));
        }
    }

    @Override
    public void startMultipart(BodyDescriptor bd) throws MimeException {
        containers.push(bd.getMimeType() == null ? "multipart/mixed" : bd.getMimeType().toLowerCase(Locale.ROOT));
        checkDepth();
    }

    @Override
    public void preamble(InputStream is) throws IOException {
        if (messageDepth == 1 && containers.size() == 2 && preamble.isEmpty()) {
            preamble = TextDecoding.decode(PartBytes.read(is, TEXT_CAP).kept(), null).replace("\r\n", "\n");
        }
    }

    @Override
    public void endMultipart() {
        containers.pop();
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws IOException {
        String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
        String fileName = fileName(bd);
        boolean attached = fileName != null || "attachment".equalsIgnoreCase(disposition(bd));
        if (type.startsWith("message/") && (type.endsWith("rfc822") || type.endsWith("global")) && insideReport()) {
            PartBytes bytes = PartBytes.read(is, HEADER_CAP);
            String text = TextDecoding.decode(bytes.kept(), null).replace("\r\n", "\n");
            int end = text.indexOf("\n\n");
            reportParts.add(new Part("message/rfc822", end < 0 ? text : text.substring(0, end + 1)));
        } else if (REPORT_TYPES.contains(type)) {
            PartBytes bytes = PartBytes.read(is, TEXT_CAP);
            reportParts.add(new Part(type, TextDecoding.decode(bytes.kept(), bd.getCharset())));
        } else if (!attached && (type.equals("text/plain") || type.equals("text/html"))) {
            PartBytes bytes = PartBytes.read(is, TEXT_CAP);
            String text = TextDecoding.decode(bytes.kept(), bd.getCharset());
            if (type.equals("text/plain") && "flowed".equalsIgnoreCase(parameter(bd, "format"))) {
                text = FlowedText.decode(text, "yes".equalsIgnoreCase(parameter(bd, "delsp")));
            }
            texts.add(new TextPart(messageDepth, type.equals("text/html"), text));
        } else {
            attachments.add(new Attachment(fileName, type, PartBytes.count(is), "multipart/related".equals(containers.peek())));
        }
    }

    /** A readable text part; {@code depth} 1 is the message itself, more is an embedded message. */
    record TextPart(int depth, boolean html, String text) {
    }

    private void checkDepth() throws LimitExceeded {
        if (containers.size() > limits.maxDepth()) {
            throw new LimitExceeded("nesting too deep: over limit of " + limits.maxDepth() + " levels");
        }
    }

    private boolean insideReport() {
        return containers.contains("multipart/report");
    }

    private static String parameter(BodyDescriptor bd, String name) {
        return bd instanceof MaximalBodyDescriptor max ? max.getContentTypeParameters().get(name) : null;
    }

    private static String disposition(BodyDescriptor bd) {
        return bd instanceof MaximalBodyDescriptor max ? max.getContentDispositionType() : null;
    }

    private static String fileName(BodyDescriptor bd) {
        if (!(bd instanceof MaximalBodyDescriptor max)) {
            return null;
        }
        String name = max.getContentDispositionFilename();
        if (name == null) {
            name = max.getContentTypeParameters().get("name");
        }
        return name == null || name.isBlank() ? null : HeaderValues.decodeWords(name);
    }
}
