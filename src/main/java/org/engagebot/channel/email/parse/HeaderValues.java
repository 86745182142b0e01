package org.engagebot.channel.email.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/** Decoding of header values; every method is total (returns a fallback instead of throwing). */
final class HeaderValues {

    private static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w.-]+\\w");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private HeaderValues() {
    }

    /** The field's value: raw bytes decoded (UTF-8 or windows-1252 when 8-bit), unfolded, RFC 2047 decoded. */
    static String decode(Field field) {
        String raw;
        try {
            byte[] bytes = field.getRaw() == null ? null : field.getRaw().toByteArray();
            raw = bytes == null ? field.getBody() : TextDecoding.decode(bytes, "utf-8");
            int colon = raw.indexOf(':');
            raw = field.getRaw() == null || colon < 0 ? raw : raw.substring(colon + 1);
        } catch (RuntimeException e) {
            raw = String.valueOf(field.getBody());
        }
        return decodeWords(raw.replaceAll("\r?\n[ \t]", " ").replaceAll("[\r\n]", "").trim());
    }

    static String decodeWords(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }

    static List<Mailbox> mailboxes(String value) {
        List<Mailbox> result = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return result;
        }
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
            for (Address address : list) {
                if (address instanceof Mailbox mailbox) {
                    result.add(mailbox);
                } else if (address instanceof Group group) {
                    group.getMailboxes().forEach(result::add);
                }
            }
        } catch (RuntimeException e) {
            result.clear();
        }
        if (result.stream().noneMatch(m -> m.getAddress().contains("@"))) {
            result.clear();
            Matcher m = ADDRESS.matcher(value);
            while (m.find()) {
                String[] parts = m.group().split("@", 2);
                result.add(new Mailbox(parts[0], parts[1]));
            }
        }
        return result;
    }

    static List<String> addresses(String value) {
        return mailboxes(value).stream().map(m -> m.getAddress().toLowerCase(Locale.ROOT)).toList();
    }

    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty() && !value.isBlank()) {
            ids.addAll(List.of(value.trim().split("\\s+")));
        }
        return ids;
    }

    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Date date = DateTimeFieldLenientImpl.PARSER
                    .parse(new RawField("Date", value), DecodeMonitor.SILENT).getDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
