package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The service's own bilingual texts, from i18n/NAME_en.properties and i18n/NAME_cy.properties (UTF-8) for
 * every bundle named by a {@link MessageBundle} bean plus the core "messages" bundle. A guard test keeps
 * each pair's keys in sync.
 */
@Singleton
public class Messages {
    private final Map<String, Text> texts = new HashMap<>();
    /** The same with {office} put in, read on every reply. */
    private final Map<String, Text> withOffice = new HashMap<>();
    private final OfficeName office;

    @jakarta.inject.Inject
    public Messages(List<MessageBundle> bundles, OfficeName office) {
        this.office = office;
        load("messages");
        load("conversation");
        bundles.forEach(b -> load(b.baseName()));
        texts.forEach((key, text) -> withOffice.put(key, office.apply(text)));
    }

    public Messages(List<MessageBundle> bundles) {
        this(bundles, OfficeName.defaults());
    }

    /** The text, with {office} as the office's name (put in once, when the bundles are read). */
    public Text get(String key) {
        Text text = withOffice.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No message for key " + key);
        }
        return text;
    }

    /** As {@link #get(String)}, or null when no bundle has the key (no exception for a lookup that may miss). */
    public Text find(String key) {
        return withOffice.get(key);
    }

    public Text get(String key, Object... args) {
        Text text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No message for key " + key);
        }
        return office.apply(text.format(args));
    }

    private void load(String baseName) {
        Properties en = read("i18n/" + baseName + "_en.properties");
        Properties cy = read("i18n/" + baseName + "_cy.properties");
        for (String key : en.stringPropertyNames()) {
            texts.put(key, new Text(en.getProperty(key), cy.getProperty(key, en.getProperty(key))));
        }
    }

    private static Properties read(String resource) {
        Properties props = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
