package org.engagebot.channel.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Properties;

/**
 * The IMAP and SMTP servers email uses: the configured ones, or (engagebot.mail.dev-server, no host
 * configured) an embedded GreenMail on localhost (SMTP 3025, IMAP 3143, user = engagebot.mail.address,
 * password "engagebot"), so a newcomer can mail the bot from any client. Empty = that direction is off.
 */
@Singleton
class MailServers {
    static final int DEV_SMTP_PORT = 3025;
    static final int DEV_IMAP_PORT = 3143;
    static final String DEV_PASSWORD = "engagebot";
    private static final Logger LOG = LoggerFactory.getLogger(MailServers.class);

    private final MailSettings settings;
    private final MailSettings.Server imap;
    private final MailSettings.Server smtp;
    private GreenMail dev;

    MailServers(MailSettings settings) {
        this.settings = settings;
        if (settings.useDevServer() && startDev()) {
            imap = new MailSettings.Server("localhost", DEV_IMAP_PORT, settings.address, DEV_PASSWORD, false);
            smtp = new MailSettings.Server("localhost", DEV_SMTP_PORT, null, null, false);
        } else {
            imap = settings.enabled ? settings.imap : null;
            smtp = settings.enabled ? settings.smtp : null;
        }
    }

    private boolean startDev() {
        try {
            dev = new GreenMail(new ServerSetup[]{new ServerSetup(DEV_SMTP_PORT, "localhost", "smtp"),
                    new ServerSetup(DEV_IMAP_PORT, "localhost", "imap")});
            dev.start();
            dev.setUser(settings.address, settings.address, DEV_PASSWORD);
            LOG.info("Dev mail server: SMTP localhost:{}, IMAP localhost:{} (user {}, password {})",
                    DEV_SMTP_PORT, DEV_IMAP_PORT, settings.address, DEV_PASSWORD);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Dev mail server could not start ({}); email is off", e.getClass().getSimpleName());
            dev = null;
            return false;
        }
    }

    Optional<MailSettings.Server> imap() {
        return Optional.ofNullable(imap);
    }

    Optional<MailSettings.Server> smtp() {
        return Optional.ofNullable(smtp);
    }

    /**
     * A mail session for the IMAP server with explicit timeouts (Angus defaults are infinite); the read timeout
     * outlasts one poll interval, which is how long an IDLE waits before the watcher breaks it. Bodies are read in
     * blocks of imap.fetch-size (partial fetch), never as one literal, and without setting \Seen (peek).
     */
    Session imapSession() {
        String protocol = imap.secure() ? "imaps" : "imap";
        Properties p = timeouts(protocol);
        p.put("mail." + protocol + ".timeout", Long.toString(settings.timeout.plus(settings.pollInterval).toMillis()));
        p.put("mail." + protocol + ".partialfetch", "true");
        p.put("mail." + protocol + ".fetchsize", Integer.toString(settings.fetchSize));
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", imap.host());
        p.put("mail." + protocol + ".port", Integer.toString(imap.port()));
        return Session.getInstance(p);
    }

    /** A mail session for the SMTP server with explicit timeouts; STARTTLS required when configured. */
    Session smtpSession() {
        Properties p = timeouts("smtp");
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        if (smtp.secure()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail.smtp.from", settings.address);
        p.put("mail.smtp.socketFactory", NoDelaySocketFactory.INSTANCE);
        return Session.getInstance(p);
    }

    private Properties timeouts(String protocol) {
        Properties p = new Properties();
        String millis = Long.toString(settings.timeout.toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        return p;
    }

    @PreDestroy
    void stop() {
        if (dev != null) {
            dev.stop();
        }
    }
}
