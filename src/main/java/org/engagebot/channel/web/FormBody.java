package org.engagebot.channel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A posted form (application/x-www-form-urlencoded), keeping repeated fields (checkboxes) in order. */
record FormBody(Map<String, List<String>> fields) {
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

    String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }
}
