package org.engagebot.visits;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V105 turns the stored publicity choice round with the question ("May the office mention your visit publicly?"):
 * applications, their answers and conversations under way keep what the applicant meant.
 */
class PublicityMigrationTest {
    @TempDir
    Path dir;

    @Test
    void oldNoPublicityAnswersKeepTheirMeaningUnderTheNewName() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        migrate(url, "70");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO participant (id, channel, address, created_at, last_seen_at) VALUES (1, 'telegram', '1', 0, 0)");
            for (String[] row : new String[][]{{"1", "1", "yes"}, {"2", "0", "no"}}) {
                s.execute("INSERT INTO visit_application (reference, ref_year, ref_seq, channel, organisation, contact_name, "
                        + "email, answers, answers_hash, no_publicity, status, submitted_at, updated_at) VALUES ('VIS-2026-000"
                        + row[0] + "', 2026, " + row[0] + ", 'telegram', 'Org', 'Name', 'a@example.org', "
                        + "'{\"organisation\":\"Org\",\"no_publicity\":\"" + row[2] + "\"}', 'h', " + row[1]
                        + ", 'SCHEDULED', 0, 0)");
            }
            s.execute("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, "
                    + "started_at, updated_at) VALUES (1, 'visit', 'no_publicity', 'EDITING', "
                    + "'{\"organisation\":\"Org\",\"no_publicity\":\"yes\"}', '[\"organisation\",\"no_publicity\"]', 0, 0)");
        }

        migrate(url, "latest");

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT publicity_allowed || ' ' || answers FROM visit_application WHERE ref_seq = 1"))
                    .isEqualTo("0 {\"organisation\":\"Org\",\"publicity\":\"no\"}");
            assertThat(one(s, "SELECT publicity_allowed || ' ' || answers FROM visit_application WHERE ref_seq = 2"))
                    .isEqualTo("1 {\"organisation\":\"Org\",\"publicity\":\"yes\"}");
            assertThat(one(s, "SELECT step_id || ' ' || answers || ' ' || history FROM conversation_session"))
                    .isEqualTo("publicity {\"organisation\":\"Org\",\"publicity\":\"no\"} [\"organisation\",\"publicity\"]");
            assertThat(one(s, "SELECT count(*) FROM pragma_table_info('visit_application') WHERE name = 'no_publicity'"))
                    .isEqualTo("0");
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
