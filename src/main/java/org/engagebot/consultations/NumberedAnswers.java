package org.engagebot.consultations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an emailed reply into numbered answers: "1. yes 2. more lighting", "1) ..." on lines or inline.
 * Markers count only in sequence from 1, so a stray "3." inside a sentence is not taken as an answer.
 */
final class NumberedAnswers {
    private static final Pattern MARKER = Pattern.compile("(?<![\\w.,])(\\d{1,2})\\s?[.)](?=\\s|$)");

    private NumberedAnswers() {
    }

    /** Answers by question number (1-based); empty when the text is not numbered from 1 up to at least 2. */
    static Map<Integer, String> split(String text, int questions) {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        Matcher m = MARKER.matcher(text);
        int expected = 1;
        int start = -1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n != expected || n > questions) {
                continue;
            }
            if (start >= 0) {
                out.put(expected - 1, clean(text.substring(start, m.start())));
            }
            start = m.end();
            expected++;
        }
        if (start >= 0) {
            out.put(expected - 1, clean(text.substring(start)));
        }
        if (out.size() < 2) {
            out.clear();
        }
        return out;
    }

    private static String clean(String answer) {
        return answer.strip().replaceAll("[ \\t]*\\n[ \\t]*", "\n");
    }
}
