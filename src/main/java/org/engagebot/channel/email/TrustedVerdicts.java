package org.engagebot.channel.email;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.engagebot.channel.MailAuthentication;
import org.engagebot.channel.email.parse.AuthenticationResults;
import org.engagebot.channel.email.parse.ParsedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Authentication-Results verdict of a mail to show staff. With {@code engagebot.mail.authserv-id} (the office's
 * receiving servers' ids, comma-separated) only a header one of them wrote counts, as RFC 8601 section 5 asks: a
 * sender can write "spf=pass; dkim=pass" into her own mail, and a server that checked nothing leaves it on top.
 * Without it, the topmost header, shown as unverified (its DKIM and DMARC results prove nothing), and a WARN once at
 * start-up when email comes in. Nothing acts on a verdict either way: an address is proved by a code or a reply.
 */
@Singleton
class TrustedVerdicts implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedVerdicts.class);
    private final Set<String> servers;
    private final MailServers mail;
    private boolean warned;

    TrustedVerdicts(@Nullable @Value("${engagebot.mail.authserv-id:}") String servers, MailServers mail) {
        this.servers = servers == null ? Set.of() : Arrays.stream(servers.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.mail = mail;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (servers.isEmpty() && !warned && mail.imap().isPresent()) {
            warned = true;
            LOG.warn("engagebot.mail.authserv-id is not set: SPF/DKIM/DMARC results in incoming mail are shown to staff "
                    + "as unverified, since the sender may have written them; set it to the receiving server's authserv-id");
        }
    }

    Optional<MailAuthentication> of(ParsedMail mail) {
        return AuthenticationResults.of(mail, servers);
    }
}
