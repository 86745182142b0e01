package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether typed text could be the label of a "Use …" button ({@code choice.use-known}) before the detail it offers
 * is known, so that an answer which cannot be that label is read without looking the participant's details up (a
 * read on every answer to such a step). The label folds to its wording's first words followed by the detail's, so
 * text that does not fold to start with them cannot be it; a wording whose %s is not after a word gap cannot be told
 * this way, and then every answer looks the details up, as before.
 */
final class KnownDetailLabel {
    /** The folded words before the detail, in each language; null when they cannot be told apart. */
    private final List<String> heads = new ArrayList<>();

    KnownDetailLabel(Messages messages) {
        Text wording = messages.get("choice.use-known");
        heads.add(head(wording.en()));
        heads.add(head(wording.cy()));
    }

    boolean couldBe(String typed) {
        String folded = Fold.fold(typed);
        for (String head : heads) {
            if (head == null || folded.equals(head) || folded.startsWith(head + " ")) {
                return true;
            }
        }
        return false;
    }

    private static String head(String wording) {
        int at = wording.indexOf("%s");
        if (at <= 0 || wording.indexOf('%') != at || Character.isLetterOrDigit(wording.charAt(at - 1))
                || wording.charAt(at - 1) == '\'' || wording.charAt(at - 1) == '`') {
            return null;
        }
        String head = Fold.fold(wording.substring(0, at));
        return head.isEmpty() ? null : head;
    }
}
