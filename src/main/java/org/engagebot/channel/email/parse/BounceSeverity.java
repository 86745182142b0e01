package org.engagebot.channel.email.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hard or soft, from a status code and the server's words. Soft: a full mailbox (5.2.2, 552, "quota"),
 * other mailbox-state codes except a disabled mailbox (5.2.x), expiry, delays, network and system trouble
 * (x.3.x, x.4.x, "service unavailable", "try again later"), rate limits, and 4xx unless the address itself
 * is named unknown. Hard: every other 5xx, and any named address problem (unknown user or domain, null MX).
 */
final class BounceSeverity {

    static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
    static final Pattern BASIC = Pattern.compile("(?<![\\d.#-])([45][0-5]\\d)(?=[\\s-])(?![\\d.])");
    private static final Pattern FULL = Pattern.compile("(?i)(mailbox|mail ?folder|mail ?box|inbox|account|disk|"
            + "storage)( is)? full|over ?quota|quota (exceeded|full)|exceeded (the |their |its )?(storage|quota)"
            + "|insufficient (system )?storage|mailbox size limit|size limit exceeded|out of (disk|space)"
            + "|mailbox (has )?exceeded|mailbox exceeds");
    private static final Pattern TRANSIENT = Pattern.compile("(?i)expired|retry time(out)?|gave up|giving up"
            + "|could not deliver for|failing for a long time|aborted after|did not accept our requests to connect"
            + "|could not find a gateway|socket error|timed? ?out"
            + "|time limit|too long|could not be delivered within|delayed|deferred|will (continue|retry|be retried)"
            + "|still undelivered|not yet been delivered|too many (connections|messages|recipients|concurrent)"
            + "|rate limit|frequency limit|(sending|receiving) limit|try (again )?later|temporar(y|ily) (failure"
            + "|problem|error|unavailable|rejected|deferred)|service (is )?(currently )?unavailable|name service "
            + "error|connection (refused|reset|lost|timed|dropped)|system (error|busy)|resources|exceeds? (the )?"
            + "(maximum|administrative|size)|message (is )?too (large|big)|length exceeds");
    private static final Pattern HARD = Pattern.compile("(?i)user unknown|unknown (user|recipient|address|mailbox)"
            + "|no such (user|mailbox|address|recipient|person|account)|does(n't| not) exist|invalid (recipient|"
            + "address|mailbox|user)|rejected: access denied|doesn't have an? .{0,40}account|mailbox (unavailable|not found)"
            + "|not a valid (mailbox|recipient|address)|account (has been )?(disabled|closed|deleted|removed|"
            + "deactivated|suspended)|host (not found|unknown)|unknown host|domain (not found|does not exist)"
            + "|null mx|does(n't| not) (receive|accept) (e-?mail|mail)|no mailbox here|unrouteable address"
            + "|not listed in|no longer (active|valid|available)|has moved|user not found|recipient not found");

    private BounceSeverity() {
    }

    /** True for a soft failure, false for hard; {@code status} may be null. */
    static boolean isSoft(String status, String words) {
        String text = words == null ? "" : words;
        if (FULL.matcher(text).find()) {
            return true;
        }
        if (status != null && status.matches("[45]\\.\\d{1,3}\\.\\d{1,3}")) {
            return enhancedIsSoft(status, text);
        }
        if (status != null && status.matches("[45]\\d\\d")) {
            return status.startsWith("4") ? !HARD.matcher(text).find()
                    : status.equals("552") || (TRANSIENT.matcher(text).find() && !HARD.matcher(text).find());
        }
        return TRANSIENT.matcher(text).find() && !HARD.matcher(text).find();
    }

    private static boolean enhancedIsSoft(String status, String text) {
        String[] code = status.split("\\.");
        boolean hardWords = HARD.matcher(text).find();
        if (code[0].equals("4")) {
            return !(code[1].equals("1") && hardWords);
        }
        return switch (code[1]) {
            case "1" -> false;
            case "2" -> !code[2].equals("1");
            case "3", "4" -> !hardWords || code[2].equals("7");
            default -> TRANSIENT.matcher(text).find() && !hardWords;
        };
    }

    /** First enhanced code in the text, else first basic SMTP reply code, else null. */
    static String findCode(String text) {
        Matcher enhanced = ENHANCED.matcher(text);
        while (enhanced.find()) {
            if (!enhanced.group(1).equals("2")) {
                return enhanced.group();
            }
        }
        Matcher basic = BASIC.matcher(text);
        return basic.find() ? basic.group(1) : null;
    }
}
