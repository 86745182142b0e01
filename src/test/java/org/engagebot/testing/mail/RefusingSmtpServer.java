package org.engagebot.testing.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small SMTP server on a free loopback port that answers each RCPT TO with the reply a test chooses (e.g.
 * "550 5.1.1 User unknown" or "451 4.3.0 Try later"), as a real server refusing a recipient does. Accepted
 * messages are recorded; every RCPT it saw is recorded. It may also refuse a message after its data. Enough SMTP for Angus Mail: EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT.
 */
public final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Function<String, String> rcptReply;
    private final Function<String, String> dataReply;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** {@code rcptReply} maps a recipient address to the full reply line, e.g. "250 OK"; every message is accepted. */
    public RefusingSmtpServer(Function<String, String> rcptReply) {
        this(rcptReply, recipients -> "250 2.0.0 OK queued");
    }

    /** {@code dataReply} maps the accepted recipients (comma-separated) to the reply after the message's final ".". */
    public RefusingSmtpServer(Function<String, String> rcptReply, Function<String, String> dataReply) {
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        this.acceptor = new Thread(this::accept, "smtp-stub");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every RCPT TO address seen, in order (a retried send shows up again). */
    public List<String> recipients() {
        return recipients;
    }

    /** The recipients of each message accepted after DATA. */
    public List<String> delivered() {
        return delivered;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "smtp-stub-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 stub.example ESMTP");
            List<String> accepted = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-stub.example\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        accepted.clear();
                        reply(out, "250 OK");
                    }
                    case "RSET" -> {
                        accepted.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.replaceAll("(?i)^RCPT TO:\\s*<?([^>\\s]*)>?.*$", "$1").toLowerCase(Locale.ROOT);
                        recipients.add(address);
                        String answer = rcptReply.apply(address);
                        if (answer.startsWith("2")) {
                            accepted.add(address);
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        String answer = dataReply.apply(String.join(",", accepted));
                        if (answer.startsWith("2")) {
                            delivered.add(String.join(",", accepted));
                        }
                        reply(out, answer);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
