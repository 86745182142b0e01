package org.engagebot.staff.console;

import org.engagebot.contacts.Areas;
import org.engagebot.conversation.Option;
import org.engagebot.contacts.OrganisationLists;

import java.util.List;

/**
 * Stored values (areas, remits and sectors, statuses, channels) as the signed-in person reads them: the list's
 * label in their language, or the console bundle's word, or the value itself when neither knows it. Every page has
 * one as {@code labels} (areas as stored unless the page's controller gives the areas list).
 */
public final class Labels {
    private final Areas areas;
    private final ConsoleText t;

    Labels(Areas areas, ConsoleText t) {
        this.areas = areas;
        this.t = t;
    }

    public String area(String value) {
        return areas == null ? t.w(value) : label(areas.all(), value);
    }

    /** Sector values as labels, in the order given, joined with ", ". */
    public String sectors(List<String> values) {
        return String.join(", ", values.stream().map(this::sector).toList());
    }

    public String type(String value) {
        return label(OrganisationLists.TYPES, value);
    }

    public String source(String value) {
        return label(OrganisationLists.SOURCES, value);
    }

    public String sector(String value) {
        return label(OrganisationLists.SECTORS, value);
    }

    private String label(List<Option> list, String value) {
        return list.stream().filter(o -> o.value().equals(value)).findFirst()
                .map(o -> t.lang().equals("cy") ? o.label().cy() : o.label().en()).orElseGet(() -> t.w(value));
    }
}
