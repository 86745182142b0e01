package org.engagebot.platform;

import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Moving an office from SQLite to PostgreSQL (issue #19): what the service holds on SQLite is copied table by table,
 * checked by counts, and the service started on PostgreSQL serves it and goes on adding rows after the copied ids.
 * Skipped without a PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL, as .ci/pg-cluster starts one).
 */
class DatabaseCopyIT {
    private static final String CONSULTATION = "{\"title\": {\"en\": \"Safer streets\", \"cy\": \"Strydoedd mwy diogel\"}, "
            + "\"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch wrthym\"}, \"questions\": [{\"type\": \"text\", "
            + "\"text\": {\"en\": \"Which streets feel unsafe?\", \"cy\": \"Pa strydoedd sy'n teimlo'n anniogel?\"}}]}";

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    @Test
    void everyRowMovesCountsMatchAndThePostgresServiceCarriesOn() throws Exception {
        String sqlite;
        try (TestService before = TestService.start(Map.of("datasources.default.url", "jdbc:sqlite:" + java.nio.file.Files
                .createTempDirectory("copy-source").resolve("engagebot.db")))) {
            sqlite = (String) before.context().getProperty("datasources.default.url", String.class).orElseThrow();
            assertThat(before.post("/api/contacts/import", "text/csv", "email,organisation,area,language,phone\n"
                    + "ann@example.org,Food Bank Conwy,conwy,en,01492 575100\n"
                    + "bryn@example.org,Clwb Ieuenctid Llan,gwynedd,cy,\n").statusCode()).isEqualTo(200);
            assertThat(before.postJson("/api/consultations", CONSULTATION).statusCode()).isEqualTo(201);
        }
        Map<String, Object> postgres = TestDatabase.newPostgresDatabase();
        String url = (String) postgres.get("datasources.default.url");
        String user = (String) postgres.get("datasources.default.username");
        String password = (String) postgres.get("datasources.default.password");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DatabaseCopy copy = new DatabaseCopy(new PrintStream(printed, true, StandardCharsets.UTF_8));

        DatabaseCopy.Result result = copy.copy(sqlite, url, user, password, false);
        copy.print(result);

        assertThat(result.matches()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(result.counts().get("contact")[1]).isEqualTo(2);
        assertThat(result.counts().get("consultation")[1]).isEqualTo(1);
        assertThat(result.counts().get("staff_account")[1]).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("every count matches");
        assertThat(result.counts().keySet()).doesNotContain("flyway_schema_history", "lease");

        Map<String, Object> props = new HashMap<>(postgres);
        try (TestService after = TestService.start(props)) {
            assertThat(after.get("/api/contacts").body()).contains("Food Bank Conwy", "Clwb Ieuenctid Llan");
            assertThat(after.get("/api/consultations").body()).contains("Safer streets");
            assertThat(after.post("/api/contacts/import", "text/csv", "email,organisation,area,language\n"
                    + "cai@example.org,Men's Shed,conwy,en\n").statusCode()).isEqualTo(200);
            assertThat(after.get("/api/contacts").body()).contains("Men's Shed", "Food Bank Conwy");
        }

        assertThatThrownBy(() -> copy.copy(sqlite, url, user, password, false))
                .hasMessageContaining("already holds data").hasMessageContaining("--overwrite");
        DatabaseCopy.Result again = copy.copy(sqlite, url, user, password, true);
        assertThat(again.matches()).isTrue();
        assertThat(again.counts().get("contact")[1]).isEqualTo(2);
    }
}
