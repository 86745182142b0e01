package org.engagebot.conversation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session JSON (streaming Jackson) against data binding: the same text written, the same values read back, bad JSON refused. */
class SessionJsonFormatTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesWhatJacksonWritesAndReadsItBack() throws IOException {
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            Map<String, String> answers = new LinkedHashMap<>();
            List<String> history = new ArrayList<>();
            for (int k = random.nextInt(12); k > 0; k--) {
                answers.put(text(random), text(random));
                history.add(text(random));
            }
            String map = JdbcSessionStore.writeMap(answers);
            String list = JdbcSessionStore.writeList(history);
            assertThat(map).isEqualTo(jackson(answers));
            assertThat(list).isEqualTo(MAPPER.writeValueAsString(history));
            assertThat(JdbcSessionStore.readMap(map)).containsExactlyEntriesOf(answers);
            assertThat(JdbcSessionStore.readList(list)).isEqualTo(history);
        }
    }

    @Test
    void readsWhatOnlyJacksonReadsAsBefore() {
        assertThat(JdbcSessionStore.readMap("{ \"a\" : \"b\" ,\n\"c\":\"d\"}")).containsExactly(Map.entry("a", "b"), Map.entry("c", "d"));
        assertThat(JdbcSessionStore.readMap("{\"n\":42,\"t\":true}")).containsExactly(Map.entry("n", "42"), Map.entry("t", "true"));
        assertThat(JdbcSessionStore.readList("[ \"x\", 3 ]")).containsExactly("x", "3");
        assertThat(JdbcSessionStore.readMap("{\"a\":\"\\u00e9\\/\\ud83d\\ude00\"}")).containsExactly(Map.entry("a", "é/\uD83D\uDE00"));
    }

    @Test
    void refusesACorruptColumnAsBefore() {
        assertThatThrownBy(() -> JdbcSessionStore.readMap("{\"a\":null}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcSessionStore.readMap("{\"a\":\"b\"")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcSessionStore.readMap("[\"a\"]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcSessionStore.readList("[\"a\\x\"]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcSessionStore.readList("[{\"a\":\"b\"}]")).isInstanceOf(IllegalStateException.class);
    }

    /** Mostly letters, with quotes, backslashes, every control character, Welsh letters and emoji now and then. */
    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                s.append((char) ('a' + random.nextInt(26)));
            } else if (pick == 6) {
                s.append((char) random.nextInt(0x20));
            } else if (pick == 7) {
                s.append("\"\\/".charAt(random.nextInt(3)));
            } else if (pick == 8) {
                s.append("ŵŷâô€\u2028\u007f".charAt(random.nextInt(7)));
            } else {
                s.append("\uD83D\uDE00");
            }
        }
        return s.toString();
    }

    private static String jackson(Map<String, String> map) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : map.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }
}
