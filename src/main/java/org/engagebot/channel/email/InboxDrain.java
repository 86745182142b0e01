package org.engagebot.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over INBOX with memory bounded by engagebot.mail.max-size, not by what is in it: sizes and UIDs are
 * fetched for up to 200 messages at a time, then each body is streamed on its own (in imap.fetch-size blocks) into a
 * {@link RawCapture}; runs of up to 8 MB are committed together and then moved, to Processed, or to Quarantine when
 * quarantined. A message that fails while being read (even with OutOfMemoryError) is left in place and skipped;
 * after max-failures tries it is quarantined (a poison message), so it cannot block intake. Connection failures
 * are not the message's fault: they end the pass. One thread; counts survive reconnects, not a restart.
 */
final class InboxDrain {
    private static final Logger LOG = LoggerFactory.getLogger(InboxDrain.class);
    private static final int BATCH = 200;
    private static final long CHUNK_BYTES = 8L * 1024 * 1024;

    private record Taken(Message message, EmailIntake.Prepared prepared) {
    }

    private final EmailIntake intake;
    private final MailSettings settings;
    private final Runnable progress;
    private final ReadFailures failures = new ReadFailures();

    InboxDrain(EmailIntake intake, MailSettings settings, Runnable progress) {
        this.intake = intake;
        this.settings = settings;
        this.progress = progress;
    }

    /** Takes everything in {@code inbox} that can be taken now; returns how many messages were stored. */
    int drain(Folder inbox, Folder processed, Folder quarantine) throws MessagingException {
        int taken = 0;
        int skipped = 0;
        while (true) {
            // Skipped messages stay at the front of INBOX (everything after them is moved), so start past them.
            Message[] waiting = Arrays.stream(inbox.getMessages()).filter(m -> !m.isExpunged()).toArray(Message[]::new);
            if (waiting.length <= skipped) {
                return taken;
            }
            Message[] batch = Arrays.copyOfRange(waiting, skipped, Math.min(waiting.length, skipped + BATCH));
            FetchProfile sizes = new FetchProfile();
            sizes.add(UIDFolder.FetchProfileItem.UID);
            sizes.add(FetchProfile.Item.SIZE);
            inbox.fetch(batch, sizes);
            List<Taken> chunk = new ArrayList<>();
            long chunkBytes = 0;
            for (Message message : batch) {
                long size = Math.max(0, message.getSize());
                if (!chunk.isEmpty() && chunkBytes + Math.min(size, settings.maxSize) > CHUNK_BYTES) {
                    taken += commit(chunk, inbox, processed, quarantine);
                    chunk.clear();
                    chunkBytes = 0;
                }
                EmailIntake.Prepared prepared = take(message, key(inbox, message));
                if (prepared == null) {
                    skipped++;
                } else {
                    chunk.add(new Taken(message, prepared));
                    chunkBytes += prepared.stored().length;
                }
            }
            taken += commit(chunk, inbox, processed, quarantine);
            reopen(inbox);
        }
    }

    /**
     * Angus keeps moved (expunged) messages in the open folder's cache until this client expunges or closes it; an
     * EXPUNGE here could delete other messages, so the folder is closed and opened again after each round instead.
     */
    private static void reopen(Folder inbox) throws MessagingException {
        inbox.close(false);
        inbox.open(Folder.READ_WRITE);
    }

    /** Reads and prepares one message; null when it failed this time (left in INBOX, counted). */
    private EmailIntake.Prepared take(Message message, String key) throws MessagingException {
        ReadFailures.Failure failed = failures.get(key);
        if (failed != null && failed.count() >= settings.maxFailures) {
            return poisoned(message, key, failed);
        }
        try {
            RawCapture capture = new RawCapture(settings.maxSize, message.getSize(), RawCapture.HEADER_KEEP);
            message.writeTo(capture);
            return intake.prepare(capture.result());
        } catch (Throwable t) {
            if (causedBy(t, FolderClosedException.class) || causedBy(t, StoreClosedException.class)) {
                throw new FolderClosedException(message.getFolder(), "connection lost while reading a message");
            }
            if (causedBy(t, MessageRemovedException.class)) {
                return null;
            }
            ReadFailures.Failure now = failures.record(key, t);
            LOG.warn("IMAP message UID {} could not be read ({}), try {} of {}; left in INBOX",
                    key, now.lastError(), now.count(), settings.maxFailures);
            return null;
        } finally {
            progress.run();
        }
    }

    /** A message that failed every try: quarantined with its header block when that much can still be read. */
    private EmailIntake.Prepared poisoned(Message message, String key, ReadFailures.Failure failed) {
        byte[] headers = new byte[0];
        if (message instanceof IMAPMessage imap) {
            try (InputStream in = imap.getMimeStream()) {
                headers = RawCapture.headerBlock(in.readNBytes(RawCapture.HEADER_KEEP));
            } catch (Throwable t) {
                LOG.debug("IMAP message UID {}: header block unreadable ({})", key, t.getClass().getSimpleName());
            }
        }
        failures.forget(key);
        return new EmailIntake.Prepared(headers, null, "imap-uid:" + key, "poison: failed " + failed.count()
                + " times while being read (" + failed.lastError() + "); kept: header block only, message in IMAP folder "
                + ImapWatcher.QUARANTINE, null);
    }

    private int commit(List<Taken> chunk, Folder inbox, Folder processed, Folder quarantine) throws MessagingException {
        if (chunk.isEmpty()) {
            return 0;
        }
        intake.commit(chunk.stream().map(Taken::prepared).toList());
        List<Message> done = new ArrayList<>();
        List<Message> quarantined = new ArrayList<>();
        for (Taken t : chunk) {
            (t.prepared().quarantined() ? quarantined : done).add(t.message());
            if (t.prepared().quarantined()) {
                LOG.info("IMAP message UID {} quarantined: {}", key(inbox, t.message()), category(t.prepared().quarantine()));
            }
        }
        move(inbox, done, processed);
        move(inbox, quarantined, quarantine);
        progress.run();
        return chunk.size();
    }

    private static void move(Folder inbox, List<Message> list, Folder to) throws MessagingException {
        if (list.isEmpty()) {
            return;
        }
        Message[] messages = list.toArray(Message[]::new);
        inbox.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
        if (inbox instanceof IMAPFolder imap) {
            imap.moveMessages(messages, to);
        } else {
            inbox.copyMessages(messages, to);
            inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            inbox.expunge();
        }
    }

    /** Whether {@code t} or one of its causes (Angus wraps them in IOException) is a {@code type}. */
    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** UIDVALIDITY:UID, which names one message in a mailbox for good; the sequence number where UIDs are missing. */
    private static String key(Folder inbox, Message message) {
        try {
            if (inbox instanceof UIDFolder uids) {
                return uids.getUIDValidity() + ":" + uids.getUID(message);
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through
        }
        return "seq:" + message.getMessageNumber();
    }

    /** The kind of a quarantine reason ("too large", "flood", "unparseable", "poison"), for logs without content. */
    private static String category(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
