package org.engagebot.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; a quoted field may hold commas, doubled quotes
 * and line breaks. Accepts CRLF, LF or CR line ends and a leading UTF-8 byte order mark. Each record keeps the
 * line number it starts on; blank lines are skipped.
 */
final class CsvReader {
    private CsvReader() {
    }

    record Record(int line, List<String> fields) {
    }

    static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, fields, field, any, start);
                fields = new ArrayList<>();
                any = false;
                line++;
                start = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        end(records, fields, field, any, start);
        return records;
    }

    private static void end(List<Record> records, List<String> fields, StringBuilder field, boolean any, int line) {
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(line, List.copyOf(fields)));
        }
        field.setLength(0);
    }
}
