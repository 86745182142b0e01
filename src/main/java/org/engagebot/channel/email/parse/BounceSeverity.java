package org.engagebot.channel.email.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hard or soft, from a status code and the server's words. Mailbox full (5.2.2, 552, "quota"), expiry and
 * network trouble (x.4.x), and every 4xx are soft; other 5xx are hard. Words decide when there is no code.
 */
final class BounceSeverity {

    static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
    static final Pattern BASIC = Pattern.compile("(?<![\\d.#-])([45][0-5]\\d)(?=[\\s-])(?![\\d.])");
    private static final Pattern SOFT_WORDS = Pattern.compile("(?i)mailbox (is )?full|over ?quota|quota exceeded"
            + "|exceeded (the )?(storage|quota)|insufficient (system )?storage|mailbox size limit|too many messages"
            + "|temporar|try again|will (continue|retry)|retry time|deferred|delayed|still undelivered|not yet been "
            + "delivered|timed? ?out|connection (refused|reset|timed)|expired|too many (connections|recipients)"
            + "|rate limit|greylist|exceeds the maximum size|disk full|out of (disk|space)|message too large");
    private static final Pattern HARD_WORDS = Pattern.compile("(?i)user unknown|unknown user|no such (user|mailbox|"
            + "address|recipient)|does not exist|doesn't exist|invalid (recipient|address|mailbox)|recipient rejected"
            + "|address rejected|mailbox unavailable|mailbox not found|not a valid mailbox|account (has been )?"
            + "(disabled|closed|suspended|deleted)|host (not found|unknown)|domain (not found|does not exist)"
            + "|no mailbox here|unrouteable|undeliverable|could not be delivered|permanent");

    private BounceSeverity() {
    }

    /** True for a soft failure, false for hard; {@code status} may be null. */
    static boolean isSoft(String status, String words) {
        String text = words == null ? "" : words;
        if (status != null && status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            String[] p = status.split("\\.");
            if (p[0].equals("4") || status.startsWith("5.2.2") || p[1].equals("4") || status.equals("5.3.4")) {
                return !(p[0].equals("5") && p[1].equals("4") && status.equals("5.4.4") && HARD_WORDS.matcher(text).find());
            }
            if (status.startsWith("5.") && SOFT_WORDS.matcher(text).find() && !status.startsWith("5.1.")) {
                return true;
            }
            return false;
        }
        if (status != null && status.matches("\\d{3}")) {
            return status.startsWith("4") || status.equals("552") || SOFT_WORDS.matcher(text).find();
        }
        return SOFT_WORDS.matcher(text).find() && !HARD_WORDS.matcher(text).find();
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
