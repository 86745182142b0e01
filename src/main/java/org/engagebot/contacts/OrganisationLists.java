package org.engagebot.contacts;

import org.engagebot.conversation.Fold;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed bilingual lists an organisation's profile is described by: what it works on (remit or sector, several),
 * what kind of organisation it is (one), and how it came to the office. Values are stored; labels are shown.
 * The sectors start from the North Wales Compact's priorities (community safety, crime prevention, offender
 * support, victim, witness and family support) and add the fields the office's partners work in.
 */
public final class OrganisationLists {
    public static final List<Option> SECTORS = List.of(
            option("community-safety", "Community safety", "Diogelwch cymunedol"),
            option("crime-prevention", "Crime prevention", "Atal troseddu"),
            option("offender-support", "Offender support and rehabilitation", "Cymorth ac adsefydlu troseddwyr"),
            option("victim-support", "Victim, witness and family support", "Cymorth i ddioddefwyr, tystion a theuluoedd"),
            option("youth", "Children and young people", "Plant a phobl ifanc"),
            option("mental-health", "Mental health", "Iechyd meddwl"),
            option("substance-misuse", "Substance misuse", "Camddefnyddio sylweddau"),
            option("domestic-abuse", "Domestic abuse and sexual violence", "Cam-drin domestig a thrais rhywiol"),
            option("older-people", "Older people", "Pobl hŷn"),
            option("disability", "Disability", "Anabledd"),
            option("equality", "Equality and diversity", "Cydraddoldeb ac amrywiaeth"),
            option("housing", "Housing and homelessness", "Tai a digartrefedd"),
            option("rural", "Rural communities", "Cymunedau gwledig"),
            option("road-safety", "Road safety", "Diogelwch ar y ffyrdd"),
            option("other", "Other", "Arall"));

    public static final List<Option> TYPES = List.of(
            option("charity", "Charity", "Elusen"),
            option("cic", "Community interest company (CIC)", "Cwmni buddiant cymunedol (CBC)"),
            option("community-group", "Community group", "Grŵp cymunedol"),
            option("social-enterprise", "Social enterprise", "Menter gymdeithasol"),
            option("faith-group", "Faith group", "Grŵp ffydd"),
            option("other", "Other", "Arall"));

    /** How a contact came to the office; "cvc" goes with the council's name in the cvc field. */
    public static final List<Option> SOURCES = List.of(
            option("chat", "Chat (Telegram)", "Sgwrs (Telegram)"),
            option("email", "Email", "E-bost"),
            option("web", "Web form", "Ffurflen we"),
            option("import", "CSV import", "Mewnforio CSV"),
            option("staff", "Entered by staff", "Wedi'i gofnodi gan staff"),
            option("cvc", "Shared by a CVC", "Wedi'i rannu gan Gyngor Gwirfoddol Sirol"));

    private OrganisationLists() {
    }

    private static Option option(String value, String en, String cy) {
        return new Option(value, new Text(en, cy));
    }

    /**
     * The stored values for values or labels (either language, any case or accents) separated by "," ";" or "/",
     * in list order; empty when none is given; null when one of them is not on the list.
     */
    public static List<String> match(List<Option> list, String valuesOrLabels) {
        if (valuesOrLabels == null || valuesOrLabels.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String part : valuesOrLabels.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> one = one(list, part);
            if (one.isEmpty()) {
                return null;
            }
            found.add(one.get());
        }
        List<String> out = new ArrayList<>();
        list.forEach(o -> {
            if (found.contains(o.value())) {
                out.add(o.value());
            }
        });
        return out;
    }

    /**
     * Sector values for an audience's "sectors" and "remits" lists together (values or labels, either language);
     * null when one is not on the list.
     */
    public static List<String> sectors(List<String> sectors, List<String> remits) {
        List<String> given = new ArrayList<>();
        if (sectors != null) {
            given.addAll(sectors);
        }
        if (remits != null) {
            given.addAll(remits);
        }
        return match(SECTORS, String.join(";", given.stream().map(s -> s.replace(",", " ").replace(";", " ")).toList()));
    }

    /** The list's values, for an error message. */
    public static String values(List<Option> list) {
        return String.join(", ", list.stream().map(Option::value).toList());
    }

    /** One value of the list for a value or label, ignoring case and accents. */
    public static Optional<String> one(List<Option> list, String valueOrLabel) {
        if (valueOrLabel == null || valueOrLabel.isBlank()) {
            return Optional.empty();
        }
        String v = Fold.fold(valueOrLabel.strip());
        return list.stream().filter(o -> Fold.fold(o.value()).equals(v) || Fold.fold(o.label().en()).equals(v)
                || Fold.fold(o.label().cy()).equals(v)).map(Option::value).findFirst();
    }

    /** The English label of a stored value, or the value itself when it is not on the list. */
    public static String label(List<Option> list, String value) {
        return list.stream().filter(o -> o.value().equals(value)).map(o -> o.label().en()).findFirst()
                .orElse(value == null ? "" : value);
    }

    /** English labels of stored comma-separated values, joined with ", ". */
    public static String labels(List<Option> list, String stored) {
        return String.join(", ", Areas.values(stored).stream().map(v -> label(list, v)).toList());
    }
}
