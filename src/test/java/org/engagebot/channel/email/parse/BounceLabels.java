package org.engagebot.channel.email.parse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps sisimai's bounce reasons to the kinds Engagebot acts on.
 * <ul>
 *   <li>hard (the address is bad): userunknown, hostunknown, hasmoved, notaccept, suspend</li>
 *   <li>soft (try again later): mailboxfull, expired, systemerror, systemfull, toomanyconn, exceedlimit,
 *       speeding</li>
 *   <li>either, decided by the SMTP code (the server refused this message, not the address, or a DNS failure
 *       that may be lasting, as NXDOMAIN for a misspelt domain, or passing): networkerror, rejected,
 *       blocked, filtered, spamdetected, policyviolation, securityerror, contenterror, virusdetected,
 *       mesgtoobig, norelaying, authfailure, requireptr, badreputation, notcompliantrfc, syntaxerror,
 *       mailererror, failedstarttls, onhold, undefined</li>
 *   <li>vacation: AUTO_REPLY; feedback: COMPLAINT; delivered (a success report): NOT_BOUNCE</li>
 * </ul>
 */
final class BounceLabels {

    private static final Set<String> HARD = Set.of("userunknown", "hostunknown", "hasmoved", "notaccept", "suspend");
    private static final Set<String> SOFT = Set.of("mailboxfull", "expired", "systemerror",
            "systemfull", "toomanyconn", "exceedlimit", "speeding");

    private BounceLabels() {
    }

    static EnumSet<BounceKind> accepted(String reason) {
        if (HARD.contains(reason)) {
            return EnumSet.of(BounceKind.HARD_BOUNCE);
        }
        if (SOFT.contains(reason)) {
            return EnumSet.of(BounceKind.SOFT_BOUNCE);
        }
        return switch (reason) {
            case "vacation" -> EnumSet.of(BounceKind.AUTO_REPLY);
            case "feedback" -> EnumSet.of(BounceKind.COMPLAINT);
            case "delivered" -> EnumSet.of(BounceKind.NOT_BOUNCE);
            default -> EnumSet.of(BounceKind.HARD_BOUNCE, BounceKind.SOFT_BOUNCE);
        };
    }

    /** labels.json as NAME → reasons; a tiny reader for its flat {"name": ["reason", ...]} shape. */
    static Map<String, List<String>> read(String json) {
        Map<String, List<String>> labels = new java.util.TreeMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        while (entry.find()) {
            labels.put(entry.group(1), Pattern.compile("\"([^\"]+)\"").matcher(entry.group(2)).results()
                    .map(r -> r.group(1)).toList());
        }
        return labels;
    }
}
