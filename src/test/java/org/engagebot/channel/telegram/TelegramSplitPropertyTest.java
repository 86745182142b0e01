package org.engagebot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.engagebot.newsletters.render.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Splits a few hundred seeded random messages and checks the invariants every split must keep. */
class TelegramSplitPropertyTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)[^>]*>");
    private static final String[] WORDS = {"croeso", "ŵyl", "tŷ", "â", "gân", "police", "&", "<b>", "a>b",
        "\"quoted\"", "😀", "👩\u200D👩\u200D👧", "w\u0302", "consultation.", "end!", "why?", "volunteers,",
        "https://opcc.example/news?a=1&b=2", "elusennau", "x".repeat(40)};

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void everyChunkOfRandomTelegramHtmlFitsIsBalancedAndKeepsAllText() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 300; round++) {
            String html = renderer.toTelegramHtml(randomMarkdown(random));
            int limit = 10 + random.nextInt(300);
            List<String> chunks = TelegramText.split(html, limit);
            for (String chunk : chunks) {
                assertThat(TelegramText.length(chunk)).as("length of %s", chunk).isLessThanOrEqualTo(limit);
                assertBalanced(chunk);
                assertThat(Character.isLowSurrogate(textOf(chunk).charAt(0))).isFalse();
            }
            assertThat(squash(chunks.stream().map(TelegramSplitPropertyTest::textOf).reduce("", String::concat)))
                    .as("text of %s split at %d", html, limit).isEqualTo(squash(textOf(html)));
        }
    }

    @Test
    void everyChunkOfRandomPlainTextFitsAndKeepsAllText() {
        Random random = new Random(42L);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(400);
            for (int i = 0; i < words; i++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(separator(random));
            }
            int limit = 2 + random.nextInt(200);
            List<String> chunks = TelegramText.splitPlain(text.toString(), limit);
            for (String chunk : chunks) {
                assertThat(chunk.length()).isLessThanOrEqualTo(limit);
                assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
            }
            assertThat(squash(String.join("", chunks))).isEqualTo(squash(text.toString()));
        }
    }

    private static String randomMarkdown(Random random) {
        StringBuilder markdown = new StringBuilder();
        int blocks = 1 + random.nextInt(12);
        for (int b = 0; b < blocks; b++) {
            switch (random.nextInt(7)) {
                case 0 -> markdown.append("## ").append(sentence(random, 5));
                case 1 -> markdown.append("- ").append(sentence(random, 8)).append("\n- ").append(sentence(random, 8));
                case 2 -> markdown.append("> ").append(sentence(random, 30));
                case 3 -> markdown.append("```python\nif a < b:\n    print(\"&\")\n").append(sentence(random, 20)).append("\n```");
                case 4 -> markdown.append("1. ").append(sentence(random, 10)).append("\n2. ").append(sentence(random, 10));
                default -> markdown.append(sentence(random, 80));
            }
            markdown.append("\n\n");
        }
        return markdown.toString();
    }

    private static String sentence(Random random, int maxWords) {
        StringBuilder sentence = new StringBuilder();
        int words = 1 + random.nextInt(maxWords);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)].replace("<", "\\<");
            switch (random.nextInt(10)) {
                case 0 -> sentence.append("**").append(word).append(" ").append(word).append("**");
                case 1 -> sentence.append("*").append(word).append("*");
                case 2 -> sentence.append("`").append(word).append("`");
                case 3 -> sentence.append("[").append(word).append(" link](https://x.example/?q=1&r=2)");
                default -> sentence.append(word);
            }
            sentence.append(random.nextInt(12) == 0 ? "  \n" : " ");
        }
        return sentence.toString();
    }

    private static String separator(Random random) {
        int kind = random.nextInt(20);
        return kind == 0 ? "\n\n" : kind == 1 ? "\n" : kind == 2 ? "" : " ";
    }

    private static void assertBalanced(String chunk) {
        Parser parser = Parser.htmlParser().setTrackErrors(10);
        parser.parseInput("<body>" + chunk + "</body>", "");
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(chunk);
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                open.push(tag.group(2));
            } else {
                assertThat(open).as("closing %s in %s", tag.group(2), chunk).isNotEmpty();
                assertThat(open.pop()).as("closing tag in %s", chunk).isEqualTo(tag.group(2));
            }
        }
        assertThat(open).as("unclosed tags in %s", chunk).isEmpty();
        assertThat(parser.getErrors()).as("jsoup parse errors in %s", chunk).isEmpty();
    }

    private static String textOf(String html) {
        return Jsoup.parseBodyFragment(html).body().wholeText();
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
