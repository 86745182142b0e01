package org.engagebot.contacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; a quoted field may hold commas, doubled quotes
 * and line breaks. Accepts CRLF, LF or CR line ends and a leading UTF-8 byte order mark. Each record keeps the
 * line number it starts on; blank lines are skipped. {@link #records} reads one record at a time, so a large
 * file is never held as records all at once.
 */
final class CsvReader implements Iterator<CsvReader.Record> {
    record Record(int line, List<String> fields) {
    }

    private final String s;
    private int i;
    private int line = 1;
    private Record next;

    private CsvReader(String text) {
        this.s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static Iterator<Record> records(String text) {
        return new CsvReader(text);
    }

    static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        records(text).forEachRemaining(records::add);
        return records;
    }

    @Override
    public boolean hasNext() {
        while (next == null && i < s.length()) {
            next = readOne();
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record r = next;
        next = null;
        return r;
    }

    /** Reads up to the end of one record; null for a blank line. */
    private Record readOne() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int start = line;
        for (; i < s.length(); i++) {
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
                i++;
                line++;
                return end(fields, field, any, start);
            } else {
                field.append(c);
                any = true;
            }
        }
        return end(fields, field, any, start);
    }

    private static Record end(List<String> fields, StringBuilder field, boolean any, int line) {
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            return new Record(line, List.copyOf(fields));
        }
        return null;
    }
}
