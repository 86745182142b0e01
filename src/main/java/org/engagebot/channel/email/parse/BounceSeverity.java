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
            + "(maximum|administrative|size)|message (is )?too (large|big)|length exceeds|not responding|not reachable"
            + "|unreachable|not (been )?delivered within|failed( after)? \\d+ attempts|mail(ing)? loop|loop (alert|detected)"
            + "|forwarding loop|too many hops|duplicated? message-id");
    /**
     * The server refused the volume or the sending server, not the address: a rate limit worded by the server
     * (Gmail's 5.2.1 "receiving mail at a rate", GoDaddy's 5.1.1 "too many recipients this hour") or a refused
     * sender. The address may be fine, so these are soft whatever the code says.
     */
    private static final Pattern NOT_THE_ADDRESS = Pattern.compile("(?i)too many (connections|messages|recipients"
            + "|concurrent)|rate limit|(sending|receiving) (mail )?at a rate|at a rate that|\\bper (hour|minute)\\b"
            + "|this hour|sender (address )?(rejected|refused|blocked)|sending limit|receiving limit");
    /** Words that make even a permanent routing failure (x.4.4) a temporary one. */
    private static final Pattern TEMPORARY = Pattern.compile("(?i)temporar|try again|will retry|will be retried");
    private static final Pattern HARD = Pattern.compile("(?i)user unknown|unknown (user|recipient|address|mailbox)"
            + "|no such (user|mailbox|address|recipient|person|account)|does(n't| not) exist|invalid (recipient|"
            + "address|mailbox|user)|rejected: access denied|doesn't have an? .{0,40}account|mailbox (unavailable|not found)"
            + "|not a valid (mailbox|recipient|address)|account (has been )?(disabled|closed|deleted|removed|"
            + "deactivated|suspended)|host (not found|unknown)|unknown host|domain (not found|does not exist)"
            + "|null mx|does(n't| not) (receive|accept) (e-?mail|mail)|no mailbox here|unrouteable address"
            + "|not listed in|no longer (active|valid|available)|has moved|user not found|recipient not found|domain (is )?not reachable"
            + "|disabled (recipient|user|mailbox|account)|(account|mailbox|user|recipient)\\b.{0,60}\\blocked\\b");

    private BounceSeverity() {
    }

    /** True for a soft failure, false for hard; {@code status} may be null. */
    static boolean isSoft(String status, String words) {
        String text = words == null ? "" : words;
        if (FULL.matcher(text).find()) {
            return true;
        }
        if (NOT_THE_ADDRESS.matcher(text).find() && !HARD.matcher(text).find()) {
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
            // x.4.4 "unable to route" (no MX nor address for the domain): lasting when the server says 5.
            case "4" -> code[2].equals("4") ? TEMPORARY.matcher(text).find() : !hardWords || code[2].equals("7");
            case "3" -> !hardWords || code[2].equals("7");
            // x.7.13 "user account disabled" (RFC 3463's registry)
            case "7" -> !code[2].equals("13") && TRANSIENT.matcher(text).find() && !hardWords;
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
