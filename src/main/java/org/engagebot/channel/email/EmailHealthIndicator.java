package org.engagebot.channel.email;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.engagebot.channel.WorkerHeartbeat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health "email": connects to the IMAP and SMTP servers that are configured, and checks that the IMAP watcher runs
 * and has completed a cycle within engagebot.mail.health-cycles poll intervals; DOWN when any of these fails.
 * Details name only states and exception classes, never an address or content.
 */
@Singleton
class EmailHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final MailServers servers;
    private final ImapWatcher watcher;

    EmailHealthIndicator(MailServers servers, ImapWatcher watcher) {
        this.servers = servers;
        this.watcher = watcher;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> info = new LinkedHashMap<>();
        boolean up = true;
        if (servers.imap().isPresent()) {
            up &= check(info, "imap", this::imap);
            WorkerHeartbeat.State state = watcher.heartbeat().state();
            info.put("watcher", state.describe());
            up &= state.healthy();
        } else {
            info.put("imap", "off");
        }
        if (servers.smtp().isPresent()) {
            up &= check(info, "smtp", this::smtp);
        } else {
            info.put("smtp", "off");
        }
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return info;
    }

    private interface Probe {
        void run() throws MessagingException;
    }

    private static boolean check(Map<String, Object> info, String name, Probe probe) {
        try {
            probe.run();
            info.put(name, "UP");
            return true;
        } catch (MessagingException | RuntimeException e) {
            info.put(name, "DOWN: " + e.getClass().getSimpleName());
            return false;
        }
    }

    private void imap() throws MessagingException {
        MailSettings.Server imap = servers.imap().orElseThrow();
        try (Store store = servers.imapSession().getStore()) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        }
    }

    private void smtp() throws MessagingException {
        MailSettings.Server smtp = servers.smtp().orElseThrow();
        try (Transport transport = servers.smtpSession().getTransport("smtp")) {
            if (smtp.username() == null || smtp.username().isBlank()) {
                transport.connect();
            } else {
                transport.connect(smtp.username(), smtp.password());
            }
        }
    }

    @Override
    protected String getName() {
        return "email";
    }
}
