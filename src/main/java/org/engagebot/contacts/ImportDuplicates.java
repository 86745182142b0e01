package org.engagebot.contacts;

import org.engagebot.conversation.Fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows an import would add that look like an organisation already held, or like an earlier row of the
 * same file: the same phone number, or the same organisation name once case, accents, punctuation and spaces are
 * set aside ("Gwynedd Youth Project" and "gwynedd youth-project"). The same email is an update, not a duplicate.
 */
final class ImportDuplicates {
    private final Map<String, ProfileStore.Duplicate> byPhone = new HashMap<>();
    private final Map<String, ProfileStore.Duplicate> byName = new HashMap<>();

    ImportDuplicates(List<ProfileStore.Duplicate> held) {
        for (ProfileStore.Duplicate d : held) {
            if (d.phone() != null) {
                byPhone.putIfAbsent(d.phone(), d);
            }
            String name = folded(d.organisation());
            if (!name.isEmpty()) {
                byName.putIfAbsent(name, d);
            }
        }
    }

    List<ContactImport.Duplicate> among(List<ImportRow> added) {
        List<ContactImport.Duplicate> out = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (ImportRow row : added) {
            String name = folded(row.organisation());
            ProfileStore.Duplicate phone = row.phone() == null ? null : byPhone.get(row.phone());
            ProfileStore.Duplicate org = name.isEmpty() ? null : byName.get(name);
            if (phone != null) {
                out.add(new ContactImport.Duplicate(row.line(), row.email(), "same phone number as", phone.id(), label(phone)));
            } else if (org != null) {
                out.add(new ContactImport.Duplicate(row.line(), row.email(), "same organisation name as", org.id(), label(org)));
            } else if (row.phone() != null && phones.containsKey(row.phone())) {
                out.add(new ContactImport.Duplicate(row.line(), row.email(), "same phone number as line "
                        + phones.get(row.phone()), 0, null));
            } else if (!name.isEmpty() && names.containsKey(name)) {
                out.add(new ContactImport.Duplicate(row.line(), row.email(), "same organisation name as line "
                        + names.get(name), 0, null));
            }
            if (row.phone() != null) {
                phones.putIfAbsent(row.phone(), row.line());
            }
            if (!name.isEmpty()) {
                names.putIfAbsent(name, row.line());
            }
        }
        return out;
    }

    static String folded(String organisation) {
        return Fold.fold(organisation).replace(" ", "");
    }

    private static String label(ProfileStore.Duplicate d) {
        return (d.organisation() == null ? "(no organisation)" : d.organisation()) + (d.email() == null ? "" : " <" + d.email() + ">");
    }
}
