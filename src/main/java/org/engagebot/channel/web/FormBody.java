package org.engagebot.channel.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A posted application/x-www-form-urlencoded body, keeping repeated fields (checkboxes) in order. */
record FormBody(Map<String, List<String>> fields) {
    static final int MAX_LENGTH = 64 * 1024;

    /** From Micronaut's form binding: a repeated field arrives as a collection. */
    static FormBody of(Map<String, Object> form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((name, value) -> {
                List<String> values = new ArrayList<>();
                if (value instanceof java.util.Collection<?> many) {
                    many.forEach(v -> values.add(v == null ? "" : v.toString()));
                } else if (value != null) {
                    values.add(value.toString());
                }
                fields.put(name, values);
            });
        }
        return new FormBody(fields);
    }

    static FormBody parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormBody(fields);
    }

    String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
