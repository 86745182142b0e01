package org.engagebot.channel.email.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-recipient fields of an RFC 3464 message/delivery-status part (or an ARF report's fields). */
record DeliveryStatus(String recipient, String action, String status, String diagnostic) {

    /** One entry per recipient block; blocks without a recipient are dropped. Total on any text. */
    static List<DeliveryStatus> parse(String text) {
        List<DeliveryStatus> result = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            Map<String, String> fields = fields(block);
            String recipient = firstAddress(fields.getOrDefault("final-recipient", fields.get("original-recipient")));
            if (recipient != null) {
                result.add(new DeliveryStatus(recipient, lower(fields.get("action")),
                        fields.get("status") == null ? null : fields.get("status").trim().split("\\s+")[0],
                        stripType(fields.get("diagnostic-code"))));
            }
        }
        return result;
    }

    /** Header-style fields of a block, lower-case names, continuation lines unfolded. */
    static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : block.split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
                fields.computeIfPresent(last, (k, v) -> v + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.substring(0, colon).contains(" ")) {
                last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                fields.putIfAbsent(last, line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    static String firstAddress(String value) {
        if (value == null) {
            return null;
        }
        String bare = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
        List<String> addresses = HeaderValues.addresses(bare);
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    boolean failed() {
        return action == null || action.isEmpty() || action.startsWith("failed") || action.startsWith("delayed")
                || action.startsWith("expired");
    }

    private static String stripType(String value) {
        if (value == null) {
            return null;
        }
        return value.matches("(?i)^(smtp|x-[\\w-]+|x-unix)\\s*;.*") ? value.substring(value.indexOf(';') + 1).trim() : value;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
