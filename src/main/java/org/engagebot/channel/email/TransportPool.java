package org.engagebot.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few connected SMTP transports, reused across messages and replaced after {@code recycleAfter} messages
 * or any failure. Thread-safe; at most {@code size} connections exist at once.
 */
final class TransportPool implements AutoCloseable {

    /** A send over a borrowed connection. */
    interface Use {
        void on(Transport transport) throws MessagingException;
    }

    /** A connection idle longer than this is checked (SMTP NOOP) before reuse; busier ones are trusted. */
    static final long CHECK_AFTER_IDLE_NANOS = 5_000_000_000L;

    private static final class Pooled {
        final Transport transport;
        int used;
        long lastUsed = System.nanoTime();

        Pooled(Transport transport) {
            this.transport = transport;
        }
    }

    private final Session session;
    private final String username;
    private final String password;
    private final int recycleAfter;
    private final BlockingQueue<Pooled> idle;
    private final BlockingQueue<Boolean> permits;

    TransportPool(Session session, String username, String password, int size, int recycleAfter) {
        this.session = session;
        this.username = username;
        this.password = password;
        this.recycleAfter = recycleAfter;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            permits.add(Boolean.TRUE);
        }
    }

    void with(Use use) throws MessagingException, InterruptedException {
        Boolean permit = permits.poll(1, TimeUnit.MINUTES);
        if (permit == null) {
            throw new MessagingException("no SMTP connection free");
        }
        Pooled pooled = null;
        try {
            pooled = idle.poll();
            if (pooled == null || System.nanoTime() - pooled.lastUsed > CHECK_AFTER_IDLE_NANOS
                    && !pooled.transport.isConnected()) {
                closeQuietly(pooled);
                pooled = connect();
            }
            use.on(pooled.transport);
            pooled.used++;
            pooled.lastUsed = System.nanoTime();
            if (pooled.used >= recycleAfter) {
                closeQuietly(pooled);
            } else {
                idle.add(pooled);
            }
            pooled = null;
        } finally {
            closeQuietly(pooled);
            permits.add(Boolean.TRUE);
        }
    }

    private Pooled connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (username == null || username.isBlank()) {
            transport.connect();
        } else {
            transport.connect(username, password);
        }
        return new Pooled(transport);
    }

    private static void closeQuietly(Pooled pooled) {
        if (pooled == null) {
            return;
        }
        try {
            pooled.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // a broken connection is simply dropped
        }
    }

    @Override
    public void close() {
        Pooled p;
        while ((p = idle.poll()) != null) {
            closeQuietly(p);
        }
    }
}
