package org.engagebot.channel.email.parse;

import org.engagebot.channel.MailAuthentication;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the topmost Authentication-Results header (RFC 8601): the one the last server, ours, prepended. Lower ones
 * may come from anywhere, including the sender. Comments are dropped; of several dkim results a "pass" wins (one
 * valid signature is enough), else the first is kept.
 */
public final class AuthenticationResults {
    private static final Pattern RESULT = Pattern.compile("^([A-Za-z0-9_-]+)(?:\\s*/\\s*\\d+)?\\s*=\\s*([A-Za-z0-9_-]+)");

    private static final String SEPARATOR = "\u0000";

    private AuthenticationResults() {
    }

    public static Optional<MailAuthentication> of(ParsedMail mail) {
        return mail.header("authentication-results").flatMap(AuthenticationResults::parse);
    }

    /**
     * The topmost header written by one of {@code servers} (authserv-ids, lower case), marked verified; any other
     * server's, or one the sender wrote, is ignored. With no servers named, the topmost header as
     * {@link #of(ParsedMail)}, unverified: nothing says which server wrote it.
     */
    public static Optional<MailAuthentication> of(ParsedMail mail, Set<String> servers) {
        if (servers.isEmpty()) {
            return of(mail);
        }
        for (String value : mail.headerValues("authentication-results")) {
            Optional<MailAuthentication> verdict = parse(value);
            if (verdict.map(MailAuthentication::server).filter(s -> servers.contains(s.toLowerCase(Locale.ROOT))).isPresent()) {
                return verdict.map(MailAuthentication::asVerified);
            }
        }
        return Optional.empty();
    }

    static Optional<MailAuthentication> parse(String header) {
        String[] parts = withoutComments(header).split(SEPARATOR);
        String server = parts[0].strip().split("\\s+")[0];
        String spf = null;
        String dkim = null;
        String dmarc = null;
        for (int i = 1; i < parts.length; i++) {
            Matcher m = RESULT.matcher(parts[i].strip());
            if (!m.find()) {
                continue;
            }
            String method = m.group(1).toLowerCase(Locale.ROOT);
            String result = m.group(2).toLowerCase(Locale.ROOT);
            switch (method) {
                case "spf" -> spf = spf == null ? result : spf;
                case "dkim" -> dkim = dkim == null || "pass".equals(result) ? result : dkim;
                case "dmarc" -> dmarc = dmarc == null ? result : dmarc;
                default -> {
                }
            }
        }
        if (server.isEmpty() && spf == null && dkim == null && dmarc == null) {
            return Optional.empty();
        }
        return Optional.of(new MailAuthentication(server.isEmpty() ? null : server, spf, dkim, dmarc));
    }

    /**
     * The header without (comments), which may nest and contain ";" or "=", with the ";" between results (not those in
     * quoted strings) turned into {@link #SEPARATOR}.
     */
    private static String withoutComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < header.length()) {
                if (depth == 0) {
                    out.append(c).append(header.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c == ';' && !quoted ? SEPARATOR : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
