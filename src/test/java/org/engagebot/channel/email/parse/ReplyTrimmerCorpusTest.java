package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReplyTrimmerCorpusTest {

    private static final double TARGET = 0.95;
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @Test
    void trimsDiscourseRepliesToWhatTheSenderWrote() throws IOException {
        Path dir = Corpora.folder("reply-trimming/discourse");
        List<String> failing = new ArrayList<>();
        List<Path> inputs = Corpora.files(dir.resolve("emails"), ".txt");
        for (Path input : inputs) {
            String expected = Files.readString(dir.resolve("trimmed").resolve(input.getFileName()));
            if (!same(trimmer.trim(Files.readString(input)), expected)) {
                failing.add(Corpora.name(input));
            }
        }
        assertTarget("reply-trimming discourse", "reply-trimming-discourse.txt", inputs.size(), failing);
    }

    /** Talon's expectations keep signatures ("Sent from my iPhone"), so they measure {@code trimQuotes}. */
    @Test
    void trimsTalonRepliesParsedFromRawMail() throws IOException {
        Path dir = Corpora.folder("reply-trimming/talon");
        List<Path> inputs = Corpora.files(dir, ".eml");
        List<String> failingQuotes = failures(dir, inputs, trimmer::trimQuotes);
        List<String> failingFull = failures(dir, inputs, trimmer::trim);
        Corpora.report("reply-trimming-talon-full-trim.txt", Corpora.figure("reply-trimming talon (trim, signatures "
                + "removed too)", inputs.size() - failingFull.size(), inputs.size()) + " failing: " + failingFull);
        assertTarget("reply-trimming talon (trimQuotes)", "reply-trimming-talon.txt", inputs.size(), failingQuotes);
    }

    private List<String> failures(Path dir, List<Path> inputs, UnaryOperator<String> trim) throws IOException {
        List<String> failing = new ArrayList<>();
        for (Path input : inputs) {
            String expected = Files.readString(dir.resolve(Corpora.name(input) + ".expected"));
            if (!same(trim.apply(Corpora.parse(input).textBody()), expected)) {
                failing.add(Corpora.name(input));
            }
        }
        return failing;
    }

    private static void assertTarget(String label, String file, int total, List<String> failing) {
        int exact = total - failing.size();
        Corpora.report(file, Corpora.figure(label, exact, total) + " exact; failing: " + failing);
        assertThat((double) exact / total).as(label).isGreaterThanOrEqualTo(TARGET);
    }

    static boolean same(String actual, String expected) {
        return normalise(actual).equals(normalise(expected));
    }

    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\u00a0]+\\n", "\n").strip();
    }
}
