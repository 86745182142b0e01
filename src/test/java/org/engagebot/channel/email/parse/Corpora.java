package org.engagebot.channel.email.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared mail corpora beside the checkout and writes figures to target/corpus-report. */
final class Corpora {

    private Corpora() {
    }

    /** The corpus folder, or the test is skipped when the corpora are not checked out beside the project. */
    static Path folder(String relative) {
        Path dir = Path.of("").toAbsolutePath().resolve("../shared/corpora").resolve(relative).normalize();
        assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir + " (clone shared/ beside the project)");
        return dir;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    static String figure(String label, int good, int total) {
        return String.format("%s: %d/%d (%.1f%%)", label, good, total, total == 0 ? 0.0 : 100.0 * good / total);
    }

    static void report(String fileName, String text) {
        System.out.println(text);
        try {
            Path dir = Path.of("target/corpus-report");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), text + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMail parse(Path file) {
        try {
            ParseOutcome outcome = new MailParser().parse(Files.readAllBytes(file));
            if (outcome instanceof ParseOutcome.Parsed parsed) {
                return parsed.mail();
            }
            throw new AssertionError(file + " quarantined: " + ((ParseOutcome.Quarantined) outcome).reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
