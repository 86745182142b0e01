package org.engagebot.channel.email;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.engagebot.platform.Leases;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.engagebot.channel.WorkerHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches INBOX on one thread: {@link InboxDrain} takes what is there (stored, then moved to "Processed", or to
 * "Quarantine" when quarantined; both created if missing), then it waits with IMAP IDLE where the server offers it
 * (broken every poll interval), else polls. Nothing stops it but {@link #stop()}: any failure, OutOfMemoryError
 * included, is logged (class only, no content) and retried after a back-off that doubles from 1 s to 5 minutes.
 * Each completed cycle beats {@link #heartbeat()}, which /health reads.
 */
@Singleton
class ImapWatcher implements ApplicationEventListener<ServerStartupEvent>, Runnable {
    static final String PROCESSED = "Processed";
    static final String QUARANTINE = "Quarantine";
    private static final Logger LOG = LoggerFactory.getLogger(ImapWatcher.class);
    private static final long FIRST_BACKOFF_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 300_000;

    private final MailServers servers;
    private final MailSettings settings;
    /** Asked for when watching starts: with email in off, the intake and the handling behind it are never created. */
    private final BeanProvider<EmailIntake> intake;
    private final WorkerHeartbeat heartbeat;
    private volatile InboxDrain drain;
    private final ScheduledExecutorService nudger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "imap-nudge"));
    private final boolean useIdle;
    private volatile boolean running;
    private volatile Store store;
    private volatile Folder inbox;
    private Thread thread;
    private final Leases leases;
    private boolean registered;

    ImapWatcher(MailServers servers, MailSettings settings, BeanProvider<EmailIntake> intake, Clock clock,
                @Value("${engagebot.mail.imap.idle:true}") boolean useIdle, Leases leases) {
        this.leases = leases;
        this.servers = servers;
        this.settings = settings;
        this.intake = intake;
        this.useIdle = useIdle;
        this.heartbeat = new WorkerHeartbeat(clock,
                settings.pollInterval.multipliedBy(settings.healthCycles).plus(settings.timeout));
    }

    /** Whether IMAP intake is configured at all (else there is nothing to watch, and nothing to report). */
    boolean configured() {
        return servers.imap().isPresent();
    }

    WorkerHeartbeat heartbeat() {
        return heartbeat;
    }

    /** One watcher across instances (two would race to move the same messages): the holder of lease imap. */
    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (!configured() || registered) {
            return;
        }
        registered = true;
        long every = Math.max(1000, settings.pollInterval.toMillis());
        nudger.scheduleWithFixedDelay(this::nudge, every, every, TimeUnit.MILLISECONDS);
        heartbeat.standby(); // until the lease is taken, here or by another instance
        leases.lead("imap", this::start, this::standDown);
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        if (drain == null) {
            drain = new InboxDrain(intake.get(), settings, heartbeat::beat);
        }
        running = true;
        heartbeat.started();
        thread = daemon(this, "imap-watcher");
        thread.start();
    }

    /** The lease went to another instance: stop watching here (the nudger stays, idle without a folder). */
    private synchronized void standDown() {
        running = false;
        closeAndJoin();
        heartbeat.standby();
    }

    @Override
    public void run() {
        long backoff = 0;
        try {
            resume();
            while (running) {
                try {
                    connect();
                    while (running) {
                        drain.drain(inbox, folder(PROCESSED), folder(QUARANTINE));
                        heartbeat.beat();
                        backoff = 0;
                        waitForMail();
                        heartbeat.beat();
                    }
                } catch (Throwable t) {
                    if (running) {
                        backoff = backoff == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                        LOG.warn("IMAP watcher for {}: {}; retrying in {} ms", settings.address, describe(t), backoff);
                        LOG.debug("IMAP watcher failure", t);
                        sleep(backoff);
                    }
                } finally {
                    disconnect();
                }
            }
        } finally {
            heartbeat.stopped();
        }
    }

    /** Finishes what was stored but not processed before the last stop; a failure here must not stop intake. */
    private void resume() {
        try {
            intake.get().resume();
        } catch (Throwable t) {
            LOG.error("Resuming stored email failed: {}; carrying on with new mail", describe(t));
        }
    }

    /** The failure's class and its cause's, never its message (which may quote a header or an address). */
    private static String describe(Throwable t) {
        Throwable cause = t.getCause();
        return t.getClass().getName() + (cause == null || cause == t ? "" : " (cause " + cause.getClass().getName() + ")");
    }

    private Folder folder(String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    private void waitForMail() throws MessagingException {
        if (useIdle && inbox instanceof IMAPFolder imap && store instanceof IMAPStore s && s.hasCapability("IDLE")) {
            imap.idle(true);
        } else {
            sleep(settings.pollInterval.toMillis());
        }
    }

    /** Ends a waiting IDLE (any call on the folder from another thread does), so polling resumes on time. */
    private void nudge() {
        Folder folder = inbox;
        try {
            if (folder instanceof IMAPFolder imap && imap.isOpen()) {
                imap.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            }
        } catch (Throwable t) {
            // an escaping Error would cancel the schedule, and IDLE would then wait for the read timeout
            LOG.debug("IMAP nudge: {}", t.getClass().getSimpleName());
        }
    }

    private void connect() throws MessagingException {
        MailSettings.Server imap = servers.imap().orElseThrow();
        store = servers.imapSession().getStore();
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        Folder folder = store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        inbox = folder;
        folder(PROCESSED);
        folder(QUARANTINE);
    }

    private void disconnect() {
        try {
            if (inbox != null && inbox.isOpen()) {
                inbox.close(false);
            }
            if (store != null) {
                store.close();
            }
        } catch (Throwable t) {
            LOG.debug("IMAP close: {}", t.getClass().getSimpleName());
        }
        inbox = null;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        nudger.shutdownNow();
        closeAndJoin();
    }

    private void closeAndJoin() {
        Store s = store;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("IMAP close: {}", e.getClass().getSimpleName());
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
