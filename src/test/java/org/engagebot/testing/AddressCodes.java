package org.engagebot.testing;

import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-time codes and links the service emails to prove an address, read from its outbox (so tests without a mail
 * server can type them, as the address's owner would), or from the text of a mail read back from GreenMail.
 */
public final class AddressCodes {
    private static final Pattern CODE = Pattern.compile("(?m)^(\\d{6})$");
    private static final Pattern LINK = Pattern.compile("/public/identity/(confirm|not-me)/[A-Za-z0-9_-]{43}");

    private AddressCodes() {
    }

    /** The text of the latest code mail queued for the address. */
    public static String latestMail(Db db, String address) {
        return db.one("SELECT payload FROM outbox WHERE channel = 'email' AND address = ? AND payload LIKE '%/public/identity/not-me/%' "
                + "AND (payload LIKE '%your code is%' OR payload LIKE '%eich cod yw%') ORDER BY id DESC LIMIT 1", rs -> Outbox.read(rs.getString(1), OutboundMessage.class).text(),
                address.toLowerCase()).orElseThrow(() -> new AssertionError("no code mail to " + address));
    }

    /** The code in the latest code mail queued for the address. */
    public static String latestCode(Db db, String address) {
        return code(latestMail(db, address));
    }

    public static String code(String mailText) {
        Matcher m = CODE.matcher(mailText.replace("\r", ""));
        if (!m.find()) {
            throw new AssertionError("no code in " + mailText);
        }
        return m.group(1);
    }

    /** The path of the mail's "this wasn't me" link. */
    public static String notMePath(String mailText) {
        return link(mailText, "not-me");
    }

    private static String link(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return m.group();
            }
        }
        throw new AssertionError("no " + kind + " link in " + text);
    }
}
