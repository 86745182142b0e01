package org.engagebot.consultations;

import java.util.ArrayList;
import java.util.List;

/**
 * Responses as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF rows). Safe to open in a spreadsheet: a
 * cell starting with = + - @, a tab or a carriage return gets a leading single quote so it is never a formula.
 */
final class ResponseCsv {
    private ResponseCsv() {
    }

    static String write(Consultation c, List<ResponseView> responses) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "reference", "version", "amends", "channel", "name", "email",
                "telegram", "language", "received_at", "late", "tags", "flag", "authentication", "text"));
        c.questions().forEach(q -> header.add(q.id() + ": " + q.text().en()));
        row(out, header);
        for (ResponseView r : responses) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(r.id()), r.reference(), Integer.toString(r.version()),
                    r.amends() == null ? "" : "R-" + r.amends(), r.channel(), nz(r.respondent().name()),
                    nz(r.respondent().email()), nz(r.respondent().telegram()), nz(r.language()), r.receivedAt().toString(),
                    r.late() ? "yes" : "no", String.join(", ", r.tags()), nz(r.flag()), r.authenticationSummary() + (r.authenticationUnverified() ? " (unverified)" : ""),
                    nz(r.text())));
            c.questions().forEach(q -> cells.add(nz(r.answers().get(q.id()))));
            row(out, cells);
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
