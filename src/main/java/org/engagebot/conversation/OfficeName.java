package org.engagebot.conversation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The office's name as people read it ({@code engagebot.office.name.en} / {@code .cy}), put wherever a message
 * or a flow says {@code {office}}. Its default is the name the North Wales Compact uses.
 */
@Singleton
public class OfficeName {
    public static final String PLACEHOLDER = "{office}";
    public static final String DEFAULT_EN = "North Wales Police and Crime Commissioner";
    public static final String DEFAULT_CY = "Comisiynydd Heddlu a Throsedd Gogledd Cymru";

    private final Text name;

    @Inject
    public OfficeName(@Value("${engagebot.office.name.en:" + DEFAULT_EN + "}") String en,
                      @Value("${engagebot.office.name.cy:" + DEFAULT_CY + "}") String cy) {
        this.name = new Text(en.strip(), cy.strip());
    }

    public static OfficeName defaults() {
        return new OfficeName(DEFAULT_EN, DEFAULT_CY);
    }

    public Text name() {
        return name;
    }

    /** The text with {office} replaced by the name in each language. */
    public Text apply(Text text) {
        if (text == null || !(text.en().contains(PLACEHOLDER) || text.cy().contains(PLACEHOLDER))) {
            return text;
        }
        return new Text(text.en().replace(PLACEHOLDER, name.en()), text.cy().replace(PLACEHOLDER, name.cy()));
    }
}
