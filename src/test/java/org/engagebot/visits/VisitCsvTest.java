package org.engagebot.visits;

import org.engagebot.conversation.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VisitCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+44 1248", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void cellsThatASpreadsheetWouldRunAsAFormulaStartWithAQuote(String value) {
        String cell = VisitCsv.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).startsWith("'").endsWith(value);
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(VisitCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(VisitCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(VisitCsv.cell("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
        assertThat(VisitCsv.cell("plain")).isEqualTo("plain");
        assertThat(VisitCsv.cell(null)).isEmpty();
    }

    @Test
    void writesAHeaderAndOneRowPerApplication() {
        var a = new VisitApplication(1, "VIS-2026-0001", 5L, null, "telegram", Language.CY, "=Evil Org", "Ann",
                "ann@example.org", "+441248123456", "gwynedd", Map.of("address", "1 High St\nBala", "purpose", "Help"),
                true, VisitStatus.RECEIVED, null, null, null, Instant.parse("2026-11-20T10:00:00Z"));
        String csv = VisitCsv.write(List.of(a), ZoneId.of("Europe/London"));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("reference,organisation,contactName,email,phone");
        assertThat(csv).contains("VIS-2026-0001,'=Evil Org,Ann,ann@example.org,'+441248123456,,\"1 High St\nBala\",gwynedd,received,cy,telegram,yes");
    }
}
