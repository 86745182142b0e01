package org.engagebot.consultations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCsvTest {

    @Test
    void neutralisesFormulasAndQuotesEveryCell() {
        assertThat(ResponseCsv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(ResponseCsv.cell("+44")).isEqualTo("\"'+44\"");
        assertThat(ResponseCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(ResponseCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ResponseCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ResponseCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(ResponseCsv.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(ResponseCsv.cell(null)).isEqualTo("\"\"");
    }
}
