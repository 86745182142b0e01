package org.engagebot.events;

import java.util.List;

/**
 * The questions briefing as CSV (RFC 4180): theme, question, who asked, channel, language, received, late,
 * answered. A cell that a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
final class BriefingCsv {
    private BriefingCsv() {
    }

    static String write(List<Question> questions) {
        StringBuilder out = new StringBuilder("reference,theme,question,name,email,channel,language,received,late,answered\r\n");
        for (Question q : questions) {
            Person p = q.person();
            row(out, "Q-" + q.id(), q.theme(), q.text(), p.name(), p.email(), p.via(),
                    p.language() == null ? null : p.language().code(), EventViews.iso(q.receivedAt()),
                    q.late() ? "yes" : "no", q.answeredAt() != null ? "yes" : "no");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
