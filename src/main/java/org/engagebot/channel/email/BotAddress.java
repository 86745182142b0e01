package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.email.parse.ParsedMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's mailbox (engagebot.mail.address, local@domain) and its plus addresses local+TOKEN@domain, which
 * carry reply tokens. Tokens are "prefix-random" with a letters-only prefix.
 */
@Singleton
class BotAddress {
    static final Pattern TOKEN = Pattern.compile("[a-z]+-[A-Za-z0-9]{4,64}");

    private final String address;
    private final String local;
    private final String domain;
    private final Pattern plus;

    BotAddress(MailSettings settings) {
        this.address = settings.address;
        int at = address.lastIndexOf('@');
        this.local = at < 0 ? address : address.substring(0, at);
        this.domain = at < 0 ? "" : address.substring(at + 1);
        this.plus = Pattern.compile("(?i)" + Pattern.quote(local) + "\\+(" + TOKEN.pattern() + ")@" + Pattern.quote(domain));
    }

    String address() {
        return address;
    }

    String withToken(String token) {
        return local + "+" + token + "@" + domain;
    }

    /** True for our own address or any of its plus addresses: never answer these. */
    boolean isOurs(String candidate) {
        if (candidate == null) {
            return false;
        }
        String c = candidate.toLowerCase(Locale.ROOT);
        return c.equals(address) || (c.startsWith(local.toLowerCase(Locale.ROOT) + "+") && c.endsWith("@" + domain));
    }

    /** The reply token in the To/Cc/Delivered-To/X-Original-To headers, if one names our plus address. */
    Optional<String> tokenIn(ParsedMail mail) {
        List<String> values = new ArrayList<>(mail.to());
        values.addAll(mail.cc());
        values.addAll(mail.deliveredTo());
        values.addAll(mail.headerValues("delivered-to"));
        values.addAll(mail.headerValues("x-original-to"));
        values.addAll(mail.headerValues("envelope-to"));
        for (String value : values) {
            Matcher m = plus.matcher(value);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static String prefix(String token) {
        int dash = token.indexOf('-');
        return dash < 0 ? token : token.substring(0, dash);
    }
}
