package org.engagebot.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table has one owning package; only it (and its subpackages) may name the table in SQL. This reads every
 * string literal and text block in src/main/java, and every other text file in src/main/resources, finds the
 * tables their SQL names (FROM, JOIN, INTO, UPDATE, DELETE FROM), and fails when a package touches a table it does
 * not own. The tables are those the Flyway migrations create; a new table without an owner fails too. There are no
 * exceptions: another owner's data comes through its service (or, for one statement over many rows, a read-only
 * relation the owner publishes, such as conversation's ParticipantRelation).
 */
class TableOwnershipTest {
    private static final Path JAVA = Path.of("src/main/java/org/engagebot");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

    /** Owner package (under org.engagebot) → the tables it owns. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("platform", Set.of("audit_log", "one_language_publication")),
            Map.entry("conversation", Set.of("participant", "conversation_session")),
            Map.entry("channel", Set.of("inbox", "outbox", "outbox_attachment")),
            Map.entry("channel.email", Set.of("email_auto_reply", "email_bounce", "email_hold", "email_proof",
                    "email_sent")),
            Map.entry("channel.web", Set.of("web_secret", "web_session")),
            Map.entry("channel.telegram", Set.of("telegram_group_notice")),
            Map.entry("contacts", Set.of("contact", "contact_channel", "consent", "pending_registration",
                    "address_block", "address_proof", "identity_setting", "contact_person", "contact_note",
                    "contact_change")),
            Map.entry("visits", Set.of("visit_application", "visit_history")),
            Map.entry("newsletters", Set.of("newsletter", "newsletter_reminder", "newsletter_setting")),
            Map.entry("consultations", Set.of("consultation", "consultation_invitee", "consultation_response")),
            Map.entry("events", Set.of("event", "event_invitee", "event_question", "event_rsvp", "event_setting",
                    "meeting", "meeting_notice", "meeting_paper")),
            Map.entry("enquiries", Set.of("enquiry", "enquiry_reply")),
            Map.entry("privacy", Set.of("privacy_erasure", "privacy_export_token", "privacy_scrub")),
            Map.entry("staff", Set.of("api_token", "console_preference", "console_session", "sign_in_throttle", "staff_account",
                    "staff_recovery_code")));

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern TABLE_AFTER = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|DELETE FROM|TABLE)\\s+\"?(\\w+)");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?\"?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasOneOwner() throws IOException {
        Map<String, String> owner = owners();
        assertThat(owner.keySet()).as("tables the owner map names").isSubsetOf(tables());
        assertThat(tables()).as("tables without an owner").isSubsetOf(owner.keySet());
    }

    @Test
    void packagesTouchOnlyTheTablesTheyOwn() throws IOException {
        Set<String> tables = tables();
        Map<String, String> owner = owners();
        Set<String> found = new TreeSet<>();
        for (String use : uses(tables)) {
            String user = use.substring(0, use.indexOf(" -> "));
            String table = use.substring(use.indexOf(" -> ") + 4);
            String pkg = user.contains(".") ? user.substring(0, user.lastIndexOf('.')) : "";
            String o = owner.get(table);
            if (!pkg.equals(o) && !pkg.startsWith(o + ".")) {
                found.add(use);
            }
        }
        found.addAll(resourceLeaks(tables));
        assertThat(found).as("SQL on another owner's table (go through the owner's service)").isEmpty();
    }

    @Test
    void theScannerFindsTablesInConcatenatedAndTextBlockSql() {
        String java = "db.query(\"SELECT c.id FROM contact c \" + \"JOIN participant p ON p.id = c.x\");\n"
                + "String s = \"\"\"\n  UPDATE outbox SET x = 1\n  \"\"\"; String t = \"Delete from contact in words\";";
        assertThat(sqlTables(java, Set.of("contact", "participant", "outbox")))
                .containsExactlyInAnyOrder("contact", "participant", "outbox");
    }

    /** Each use once, as "package.Class -> table". */
    private static Set<String> uses(Set<String> tables) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = JAVA.relativize(file.getParent()).toString().replace('/', '.');
                String cls = file.getFileName().toString().replace(".java", "");
                for (String table : sqlTables(Files.readString(file), tables)) {
                    out.add((pkg.isEmpty() ? "" : pkg + ".") + cls + " -> " + table);
                }
            }
        }
        return out;
    }

    /** SQL in resources (outside the migrations, which define the schema) belongs to nobody: none is expected. */
    private static Set<String> resourceLeaks(Set<String> tables) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(MIGRATIONS))
                    .filter(f -> !f.startsWith(RESOURCES.resolve("db/postgresql"))) // the same migrations, translated
                    .filter(f -> f.toString().matches(".*\\.(sql|ya?ml|properties|xml)$")).toList()) {
                Matcher m = TABLE_AFTER.matcher(Files.readString(file));
                while (m.find()) {
                    if (tables.contains(m.group(1))) {
                        out.add(RESOURCES.relativize(file) + " -> " + m.group(1));
                    }
                }
            }
        }
        return out;
    }

    static Set<String> sqlTables(String java, Set<String> tables) {
        StringBuilder text = new StringBuilder();
        Matcher literal = LITERAL.matcher(java);
        while (literal.find()) {
            text.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        Set<String> found = new TreeSet<>();
        Matcher m = TABLE_AFTER.matcher(text);
        while (m.find()) {
            if (tables.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    static Set<String> tables() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1).toLowerCase());
                }
            }
        }
        return out;
    }

    private static Map<String, String> owners() {
        Map<String, String> owner = new HashMap<>();
        OWNERS.forEach((pkg, tables) -> tables.forEach(t -> assertThat(owner.put(t, pkg))
                .as("table " + t + " has two owners").isNull()));
        return owner;
    }
}
