package org.engagebot.conversation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's answers (an object of strings) and history (an array of strings) as JSON text. Both shapes are flat, so
 * they are written and read by hand: even Jackson's streaming generator and parser, set up for each column, were
 * half of this work's cost on every inbound message. The text written is the one Jackson writes (its escapes:
 * {@code \" \\ \b \t \n \f \r}, other control characters as {@code \}{@code u00XX}, nothing else; SessionJsonTest
 * holds them together). Reading takes only strings with standard escapes and no white space between tokens (all
 * that is ever written); anything else (white space, a number or boolean kept as its text, a malformed column) goes
 * to Jackson's parser, which reads it as it always did or refuses it.
 */
final class SessionJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SessionJson() {
    }

    static String writeMap(Map<String, String> map) {
        StringBuilder out = new StringBuilder(32 * map.size() + 2).append('{');
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, e.getKey()).append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    static String writeList(List<String> list) {
        StringBuilder out = new StringBuilder(16 * list.size() + 2).append('[');
        for (String item : list) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, item);
        }
        return out.append(']').toString();
    }

    private static StringBuilder string(StringBuilder out, String s) {
        if (s == null) {
            return out.append("null");
        }
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i).append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        return out.append(s, from, s.length()).append('"');
    }

    static Map<String, String> readMap(String json) {
        Map<String, String> fast = new Reader(json).map();
        return fast != null ? fast : jacksonMap(json);
    }

    static List<String> readList(String json) {
        List<String> fast = new Reader(json).list();
        return fast != null ? fast : jacksonList(json);
    }

    /** The common case; each method answers null at the first thing it does not expect. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Map<String, String> map() {
            if (!next('{')) {
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            if (next('}')) {
                return map;
            }
            do {
                String key = string();
                if (key == null || !next(':')) {
                    return null;
                }
                String value = string();
                if (value == null) {
                    return null;
                }
                map.put(key, value);
            } while (next(','));
            return next('}') ? map : null;
        }

        List<String> list() {
            if (!next('[')) {
                return null;
            }
            List<String> list = new ArrayList<>();
            if (next(']')) {
                return list;
            }
            do {
                String item = string();
                if (item == null) {
                    return null;
                }
                list.add(item);
            } while (next(','));
            return next(']') ? list : null;
        }

        private boolean next(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private String string() {
            if (!next('"')) {
                return null;
            }
            StringBuilder escaped = null;
            int from = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    String tail = s.substring(from, i++);
                    return escaped == null ? tail : escaped.append(tail).toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    i++;
                    continue;
                }
                if (escaped == null) {
                    escaped = new StringBuilder();
                }
                escaped.append(s, from, i);
                if (++i >= s.length()) {
                    return null;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> escaped.append(e);
                    case 'b' -> escaped.append('\b');
                    case 't' -> escaped.append('\t');
                    case 'n' -> escaped.append('\n');
                    case 'f' -> escaped.append('\f');
                    case 'r' -> escaped.append('\r');
                    case 'u' -> {
                        int code = i + 4 <= s.length() ? hex(s, i) : -1;
                        if (code < 0) {
                            return null;
                        }
                        escaped.append((char) code);
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
                from = i;
            }
            return null;
        }

        private static int hex(String s, int at) {
            int code = 0;
            for (int k = at; k < at + 4; k++) {
                int d = Character.digit(s.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                code = code * 16 + d;
            }
            return code;
        }
    }

    private static Map<String, String> jacksonMap(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, String> map = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, scalar(p.nextToken(), p));
            }
            expect(p.currentToken(), JsonToken.END_OBJECT);
            return map;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt session JSON", e);
        }
    }

    private static List<String> jacksonList(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<String> list = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                list.add(scalar(t, p));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt session JSON", e);
        }
    }

    /** A string, or a number or boolean as its text (as data binding to String did). */
    private static String scalar(JsonToken token, JsonParser p) throws IOException {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw new IllegalStateException("Corrupt session JSON: " + token + " where a string belongs");
        }
        return p.getText();
    }

    private static void expect(JsonToken token, JsonToken wanted) {
        if (token != wanted) {
            throw new IllegalStateException("Corrupt session JSON: " + token + " where " + wanted + " belongs");
        }
    }
}
