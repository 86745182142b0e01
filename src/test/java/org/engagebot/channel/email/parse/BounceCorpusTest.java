package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Measures {@link BounceClassifier} on sisimai's public bounce set; see {@link BounceLabels} for the mapping. */
class BounceCorpusTest {

    private final BounceClassifier classifier = new BounceClassifier();
    private final AutoReplyDetector autoReplies = new AutoReplyDetector();

    @Test
    void detectsAndClassifiesBounces() throws IOException {
        Path dir = Corpora.folder("bounces");
        Map<String, List<String>> labels = BounceLabels.read(Files.readString(dir.resolve("labels.json")));
        List<String> undetected = new ArrayList<>();
        List<String> wrongKind = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        int labelled = 0;
        List<Path> files = Corpora.files(dir.resolve("bounces"), ".eml");
        for (Path file : files) {
            String name = Corpora.name(file);
            ParsedMail mail = Corpora.parse(file);
            BounceVerdict verdict = classifier.classify(mail);
            List<String> reasons = labels.getOrDefault(name, List.of());
            EnumSet<BounceKind> accepted = EnumSet.noneOf(BounceKind.class);
            reasons.forEach(r -> accepted.addAll(BounceLabels.accepted(r)));
            boolean detected = accepted.contains(BounceKind.NOT_BOUNCE) ? verdict.kind() == BounceKind.NOT_BOUNCE
                    : verdict.kind() != BounceKind.NOT_BOUNCE
                    || (reasons.contains("vacation") && autoReplies.detect(mail).isAuto());
            boolean rightKind = accepted.contains(verdict.kind())
                    || (reasons.contains("vacation") && autoReplies.detect(mail).isAuto());
            if (!detected) {
                undetected.add(name);
            }
            if (!reasons.isEmpty()) {
                labelled++;
                if (!rightKind) {
                    wrongKind.add(name + " " + reasons + " got " + verdict.kind());
                }
            }
            detail.add(name + " " + reasons + " -> " + verdict.kind() + " " + verdict.status() + " "
                    + verdict.recipients() + " | " + verdict.diagnostic());
        }
        String figures = Corpora.figure("bounces detected", files.size() - undetected.size(), files.size())
                + "\n" + Corpora.figure("bounces of the right kind (labelled files)", labelled - wrongKind.size(), labelled)
                + "\nundetected: " + undetected + "\nwrong kind: " + String.join("\n  ", wrongKind);
        Corpora.report("bounces.txt", figures);
        Corpora.report("bounces-detail.txt", String.join("\n", detail));
        assertThat((double) (files.size() - undetected.size()) / files.size()).as("detected").isGreaterThanOrEqualTo(0.95);
        assertThat((double) (labelled - wrongKind.size()) / labelled).as("right kind").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Target: every not-bounce left alone. rb-issue-368-bug is itself a "mailbox full" rejection notice from a
     * postmaster (sisimai files it as not-a-bounce); it is reported here, and only a hard bounce or complaint
     * (the verdicts that change a contact) fails the test.
     */
    @Test
    void leavesOrdinaryMailAlone() {
        Path dir = Corpora.folder("bounces/not-bounces");
        List<String> taken = new ArrayList<>();
        List<String> harmful = new ArrayList<>();
        List<Path> files = Corpora.files(dir, ".eml");
        for (Path file : files) {
            BounceVerdict verdict = classifier.classify(Corpora.parse(file));
            if (verdict.kind() == BounceKind.HARD_BOUNCE || verdict.kind() == BounceKind.COMPLAINT) {
                harmful.add(Corpora.name(file));
            }
            if (verdict.kind() != BounceKind.NOT_BOUNCE) {
                taken.add(Corpora.name(file) + " -> " + verdict.kind() + " " + verdict.status() + " | " + verdict.diagnostic());
            }
        }
        Corpora.report("not-bounces.txt", Corpora.figure("not-bounces left alone", files.size() - taken.size(),
                files.size()) + "\ntaken for bounces: " + taken);
        assertThat(harmful).isEmpty();
    }
}
