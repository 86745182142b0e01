package org.engagebot.staff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a configured key, one is generated once beside the database file, private to the service's user, and reused. */
class StaffKeysTest {
    @Test
    void generatesTheKeyOnceBesideTheDatabaseAndReusesIt(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("engagebot.db");
        StaffKeys first = new StaffKeys(null, null, url);
        Path file = dir.resolve("engagebot-totp.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal(new byte[]{1, 2, 3});
        StaffKeys again = new StaffKeys("", "", url);
        assertThat(again.open(sealed)).containsExactly(1, 2, 3);
        assertThat(again.hash("x")).isEqualTo(first.hash("x"));
    }
}
