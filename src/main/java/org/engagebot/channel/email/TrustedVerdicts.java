package org.engagebot.channel.email;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.MailAuthentication;
import org.engagebot.channel.email.parse.AuthenticationResults;
import org.engagebot.channel.email.parse.ParsedMail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Authentication-Results verdict of a mail to show staff. With {@code engagebot.mail.authserv-id} (the office's
 * receiving servers' ids, comma-separated) only a header one of them wrote counts, as RFC 8601 section 5 asks: a
 * sender can write "spf=pass; dkim=pass" into her own mail, and a server that checked nothing leaves it on top.
 * Without it, the topmost header, which is right only where the receiving server always writes one.
 */
@Singleton
class TrustedVerdicts {
    private final Set<String> servers;

    TrustedVerdicts(@Nullable @Value("${engagebot.mail.authserv-id:}") String servers) {
        this.servers = servers == null ? Set.of() : Arrays.stream(servers.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    Optional<MailAuthentication> of(ParsedMail mail) {
        return AuthenticationResults.of(mail, servers);
    }
}
