package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeCorpusTest {

    @Test
    void everyMessageEndsParsedOrQuarantinedWithAReason() throws Exception {
        Path dir = Corpora.folder("mime");
        List<String> lines = new ArrayList<>();
        List<String> thrown = new ArrayList<>();
        int parsed = 0;
        int quarantined = 0;
        List<Path> files = Corpora.files(dir, ".msg");
        for (Path file : files) {
            try {
                ParseOutcome outcome = new MailParser().parse(Files.readAllBytes(file));
                if (outcome instanceof ParseOutcome.Parsed p) {
                    parsed++;
                    lines.add("parsed " + file.getFileName() + " text=" + p.mail().textBody().length()
                            + " attachments=" + p.mail().attachments().size());
                } else if (outcome instanceof ParseOutcome.Quarantined q) {
                    quarantined++;
                    assertThat(q.reason()).isNotBlank();
                    lines.add("quarantined " + file.getFileName() + ": " + q.reason());
                }
            } catch (Throwable t) {
                thrown.add(file.getFileName() + ": " + t);
            }
        }
        String summary = "mime: " + files.size() + " messages, " + parsed + " parsed, " + quarantined
                + " quarantined, " + thrown.size() + " threw";
        Corpora.report("mime.txt", summary + "\n" + String.join("\n", lines)
                + (thrown.isEmpty() ? "" : "\nthrew:\n" + String.join("\n", thrown)));
        assertThat(thrown).isEmpty();
        assertThat(parsed + quarantined).isEqualTo(files.size());
    }
}
