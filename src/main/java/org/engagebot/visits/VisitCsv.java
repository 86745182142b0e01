package org.engagebot.visits;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Visit applications as CSV (RFC 4180, CRLF line ends). Safe to open in a spreadsheet: a cell starting with
 * = + - @, a tab or a carriage return is prefixed with a single quote so it is never run as a formula.
 */
final class VisitCsv {
    static final List<String> HEADER = List.of("reference", "organisation", "contactName", "email", "phone", "website",
            "address", "area", "status", "language", "channel", "publicityAllowed", "submittedAt", "scheduledAt", "place",
            "declineReason", "purpose", "communitySafety", "issues");

    private VisitCsv() {
    }

    static String write(List<VisitApplication> applications, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (VisitApplication a : applications) {
            List<String> row = new ArrayList<>(List.of(a.reference(), a.organisation(), a.contactName(), a.email(),
                    nz(a.phone()), nz(a.answers().get("website")), nz(a.answers().get("address")), nz(a.area()),
                    a.status().code(), nz(VisitViews.language(a)), a.channel(), a.publicityAllowed() ? "yes" : "no",
                    VisitViews.local(a.submittedAt(), zone), nz(VisitViews.local(a.scheduledAt(), zone)), nz(a.place()),
                    nz(a.declineReason()), nz(a.answers().get("purpose")), nz(a.answers().get("community_safety")),
                    nz(a.answers().get("issues"))));
            line(out, row);
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
