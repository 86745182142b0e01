package org.engagebot.channel.email;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches INBOX: takes every message in it, hands its raw bytes to {@link EmailIntake} (which commits), and only
 * then marks it \Seen and moves it to "Processed" (created if missing). Waits with IMAP IDLE where the server
 * offers it (broken every poll interval), else polls. One thread; reconnects after failures.
 */
@Singleton
class ImapWatcher implements ApplicationEventListener<ServerStartupEvent>, Runnable {
    static final String PROCESSED = "Processed";
    private static final Logger LOG = LoggerFactory.getLogger(ImapWatcher.class);
    private static final int BATCH = 200;

    private final MailServers servers;
    private final MailSettings settings;
    private final EmailIntake intake;
    private final ScheduledExecutorService nudger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "imap-nudge"));
    private volatile boolean running;
    private volatile Store store;
    private final boolean useIdle;
    private volatile Folder inbox;
    private Thread thread;

    ImapWatcher(MailServers servers, MailSettings settings, EmailIntake intake,
                @io.micronaut.context.annotation.Value("${engagebot.mail.imap.idle:true}") boolean useIdle) {
        this.servers = servers;
        this.settings = settings;
        this.intake = intake;
        this.useIdle = useIdle;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (servers.imap().isEmpty() || running) {
            return;
        }
        running = true;
        thread = daemon(this, "imap-watcher");
        thread.start();
        long every = Math.max(1000, settings.pollInterval.toMillis());
        nudger.scheduleWithFixedDelay(this::nudge, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        intake.resume();
        while (running) {
            try {
                connect();
                while (running) {
                    drain();
                    waitForMail();
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("IMAP watcher: {}; reconnecting", e.toString());
                    sleep(Math.min(30_000, settings.pollInterval.toMillis()));
                }
            } finally {
                disconnect();
            }
        }
    }

    /** Stores and processes every message in INBOX, then moves them; returns how many were taken. */
    int drain() throws MessagingException, IOException {
        int total = 0;
        while (running) {
            // Everything still in INBOX is unprocessed (done messages move to Processed). Not only \Unseen ones:
            // fetching a body marks it \Seen, so a crash between fetch and commit would otherwise lose it.
            Message[] waiting = inbox.getMessages();
            if (waiting.length == 0) {
                return total;
            }
            List<Message> batch = new ArrayList<>(List.of(waiting).subList(0, Math.min(BATCH, waiting.length)));
            Message[] messages = batch.toArray(Message[]::new);
            FetchProfile profile = new FetchProfile();
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            inbox.fetch(messages, profile);
            List<byte[]> raws = new ArrayList<>(messages.length);
            for (Message message : messages) {
                raws.add(raw(message));
            }
            intake.receiveAll(raws);
            done(messages);
            total += messages.length;
        }
        return total;
    }

    private void done(Message[] messages) throws MessagingException {
        inbox.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
        if (inbox instanceof IMAPFolder imap) {
            imap.moveMessages(messages, processedFolder());
        } else {
            inbox.copyMessages(messages, processedFolder());
            inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            inbox.expunge();
        }
    }

    private Folder processedFolder() throws MessagingException {
        Folder processed = store.getFolder(PROCESSED);
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        return processed;
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        message.writeTo(out);
        return out.toByteArray();
    }

    private void waitForMail() throws MessagingException {
        if (useIdle && inbox instanceof IMAPFolder imap && store instanceof org.eclipse.angus.mail.imap.IMAPStore s
                && s.hasCapability("IDLE")) {
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
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("IMAP nudge: {}", e.getClass().getSimpleName());
        }
    }

    private void connect() throws MessagingException {
        MailSettings.Server imap = servers.imap().orElseThrow();
        store = servers.imapSession().getStore();
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        Folder folder = store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        inbox = folder;
        processedFolder();
    }

    private void disconnect() {
        try {
            if (inbox != null && inbox.isOpen()) {
                inbox.close(false);
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("IMAP close: {}", e.getClass().getSimpleName());
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
