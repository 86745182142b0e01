package org.engagebot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up, printed: engagebot.jar against a minimal Micronaut + JDBC (SQLite) + Flyway + Data app with one
 * controller and /health (src/bench/minimal-app, built here if its jar is missing), each started as a child JVM with
 * the same flags, in turn, N rounds. Per start: wall time from process start to the first 200 on /health, and
 * VmRSS a few seconds after (at rest), and the process's CPU time at that first 200 (all threads, the JIT's too: on a
 * loaded machine the figure that moves least). Each app runs against its own SQLite file, migrated by one unmeasured start
 * first, so the figures are restarts; the first start's time (fresh database, every migration) is printed too.
 * Also the terminal chat: process start to its first "> " prompt.
 *
 * Variants with an AppCDS archive (-XX:SharedArchiveFile): engagebot with the one the build made
 * (target/engagebot.jsa, `cds-training`); the minimal app with one made here the same way (one start under
 * -XX:ArchiveClassesAtExit), so that both can also be compared like for like.
 *
 * Args: [rounds, default 5]. -Dstartup.flags="..." replaces the JVM flags; -Dstartup.rest=ms (default 3000) the
 * wait before reading RSS; -Dstartup.cds=false leaves out the CDS variants; -Dstartup.chat=false the chat;
 * -Dstartup.also=NAME=JAR,... adds other builds of engagebot.jar (e.g. before a change; a shaded one, or one with the
 * lib/ folder its manifest names beside it) as variants, each also with an archive of its own made the way that
 * build makes one; -Dstartup.extra=NAME=FLAGS;... runs both archived apps again
 * with those JVM flags added, in the same rounds, each compared with the minimal app under the same flags.
 * mvn -B -q -Pbench test-compile exec:java -Dbench=StartupBench -Dbench.args=5   (after mvn package)
 */
public final class StartupBench {
    /** The Dockerfile's. */
    static final String DEFAULT_FLAGS = "-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -Xms32m";

    record Variant(String name, Path jar, List<String> extraFlags, Path workDir, String dbFile) {
    }

    /** cpuMillis: the process's user + system CPU time at its first 200, all threads (the JIT's too). */
    record Start(long millis, long rssKb, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> flags = List.of(System.getProperty("startup.flags", DEFAULT_FLAGS).trim().split("\\s+"));
        long rest = Long.getLong("startup.rest", 3000);
        boolean cds = !"false".equals(System.getProperty("startup.cds"));
        boolean chat = !"false".equals(System.getProperty("startup.chat"));
        Path project = Path.of("").toAbsolutePath();
        Path engagebot = project.resolve("target/engagebot.jar");
        if (!Files.exists(engagebot)) {
            throw new IllegalStateException("no " + engagebot + ": run mvn -B -q -DskipTests package first");
        }
        Path minimal = minimalJar(project);
        Path work = Files.createTempDirectory("startup-bench");

        String load0 = loadAverage();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("minimal", minimal, List.of(), Files.createDirectories(work.resolve("minimal")), "minimal.db"));
        variants.add(new Variant("engagebot", engagebot, List.of(), Files.createDirectories(work.resolve("engagebot")), "engagebot.db"));

        // -Dstartup.also=before=/tmp/old/engagebot.jar: another build of engagebot.jar, e.g. the code before a change
        for (String also : System.getProperty("startup.also", "").split(",")) {
            if (also.contains("=")) {
                String name = also.substring(0, also.indexOf('='));
                variants.add(new Variant(name, Path.of(also.substring(also.indexOf('=') + 1)), List.of(),
                        Files.createDirectories(work.resolve(name)), "engagebot.db"));
            }
        }
        Map<String, Long> firstStart = new LinkedHashMap<>();
        for (Variant v : variants) {
            firstStart.put(v.name(), start(v, flags, 0, null).millis());
        }
        if (cds) {
            List<Variant> archived = new ArrayList<>();
            for (Variant v : List.copyOf(variants)) {
                Path shipped = project.resolve("target/engagebot.jsa");
                Path jsa = v.jar().equals(engagebot) && Files.exists(shipped) ? shipped : work.resolve(v.name() + ".jsa");
                if (v.name().equals("minimal")) {
                    start(v, flags, 0, jsa);
                } else if (!jsa.equals(shipped)) {
                    // another build of engagebot.jar: its archive made the way the build makes one
                    cdsTraining(v, flags, jsa);
                }
                archived.add(new Variant(v.name() + "+cds", v.jar(), List.of("-XX:SharedArchiveFile=" + jsa),
                        v.workDir(), v.dbFile()));
            }
            variants.addAll(archived);
            // -Dstartup.extra="C1=-XX:TieredStopAtLevel=1;small=-Xss256k -XX:MaxHeapFreeRatio=20": both apps again,
            // with their archives and these flags added, in the same rounds (flags compared like for like)
            for (String extra : System.getProperty("startup.extra", "").split(";")) {
                if (extra.contains("=")) {
                    String name = extra.substring(0, extra.indexOf('='));
                    List<String> more = List.of(extra.substring(extra.indexOf('=') + 1).trim().split("\\s+"));
                    for (Variant v : List.copyOf(archived)) {
                        if (v.name().equals("minimal+cds") || v.name().equals("engagebot+cds")) {
                            List<String> all = new ArrayList<>(v.extraFlags());
                            all.addAll(more);
                            variants.add(new Variant(v.name() + "+" + name, v.jar(), all, v.workDir(), v.dbFile()));
                        }
                    }
                }
            }
        }

        Map<String, List<Start>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants) {
                Start s = start(v, flags, rest, null);
                results.get(v.name()).add(s);
                System.out.printf("round %d %-16s %6d ms  CPU %6d ms  RSS %,7d kB%n", round + 1, v.name(), s.millis(),
                        s.cpuMillis(), s.rssKb());
            }
        }
        Map<String, Long> chatMillis = new LinkedHashMap<>();
        if (chat) {
            Variant e = variants.get(1);
            Path jsa = Files.exists(project.resolve("target/engagebot.jsa")) ? project.resolve("target/engagebot.jsa")
                    : work.resolve("engagebot.jsa");
            for (int round = 0; round < rounds; round++) {
                chatMillis.merge("chat", chat(e, flags, List.of()), Long::sum);
                if (cds && Files.exists(jsa)) {
                    chatMillis.merge("chat+cds", chat(e, flags, List.of("-XX:SharedArchiveFile=" + jsa)), Long::sum);
                    // as README runs it: a short session gains nothing from the optimising compiler
                    chatMillis.merge("chat+cds+C1", chat(e, flags, List.of("-XX:SharedArchiveFile=" + jsa,
                            "-XX:TieredStopAtLevel=1")), Long::sum);
                }
            }
            chatMillis.replaceAll((k, total) -> total / rounds);
        }
        String load1 = loadAverage();

        System.out.println();
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", cores " + Runtime.getRuntime().availableProcessors() + ", flags: " + String.join(" ", flags));
        System.out.println("load average before: " + load0 + "; after: " + load1);
        System.out.println("first start (fresh database, all migrations): " + firstStart);
        long baseMs = median(results.get("minimal"), Start::millis);
        long baseRss = median(results.get("minimal"), Start::rssKb);
        long baseCpu = median(results.get("minimal"), Start::cpuMillis);
        System.out.printf("%-16s %10s %8s %10s %8s %12s %8s%n", "variant", "start ms", "ratio", "CPU ms", "ratio",
                "RSS kB", "ratio");
        for (var r : results.entrySet()) {
            long ms = median(r.getValue(), Start::millis);
            long cpu = median(r.getValue(), Start::cpuMillis);
            long rss = median(r.getValue(), Start::rssKb);
            System.out.printf("%-16s %10d %8.2f %10d %8.2f %,12d %8.2f%n", r.getKey(), ms, (double) ms / baseMs, cpu,
                    (double) cpu / baseCpu, rss, (double) rss / baseRss);
        }
        for (var r : results.entrySet()) {
            // each archived variant against the minimal app with the same archive state and flags
            String key = r.getKey();
            int at = key.indexOf("+cds");
            String baseKey = at < 0 ? null : "minimal" + key.substring(at);
            if (baseKey != null && !key.startsWith("minimal") && results.containsKey(baseKey)) {
                List<Start> base = results.get(baseKey);
                System.out.printf("%s / %s: start %.2f, CPU %.2f, RSS %.2f%n", key, baseKey,
                        (double) median(r.getValue(), Start::millis) / median(base, Start::millis),
                        (double) median(r.getValue(), Start::cpuMillis) / median(base, Start::cpuMillis),
                        (double) median(r.getValue(), Start::rssKb) / median(base, Start::rssKb));
            }
        }
        chatMillis.forEach((k, ms) -> System.out.printf("%s: process start to first prompt, mean of %d: %d ms%n", k, rounds, ms));
        System.out.println("(medians of " + rounds + " rounds; work dir " + work + ")");
    }

    /** The minimal app's jar, built with Maven the first time. */
    static Path minimalJar(Path project) throws Exception {
        Path dir = project.resolve("src/bench/minimal-app");
        Path jar = dir.resolve("target/minimal-app.jar");
        if (!Files.exists(jar)) {
            Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-o", "-f", dir.resolve("pom.xml").toString(), "package")
                    .inheritIO().start();
            if (mvn.waitFor() != 0 || !Files.exists(jar)) {
                throw new IllegalStateException("building " + dir + " failed");
            }
        }
        return jar;
    }

    /**
     * One start: process start to the first 200 on /health, then `rest` ms idle and VmRSS; then SIGTERM. With
     * `archive`, the JVM writes an AppCDS archive of the classes it loaded when it exits.
     */
    static Start start(Variant v, List<String> flags, long rest, Path archive) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(v.extraFlags());
        if (archive != null) {
            cmd.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        cmd.addAll(List.of("-jar", v.jar().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(v.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(v.workDir().resolve("out.log").toFile());
        environment(pb, v, port);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            while (!healthy(port)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(v.name() + " exited " + p.exitValue() + ": see " + v.workDir().resolve("out.log"));
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException(v.name() + " not healthy after 5 minutes");
                }
                Thread.sleep(5);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long cpu = cpuMillis(p.pid());
            Thread.sleep(rest);
            return new Start(millis, rssKb(p.pid()), cpu);
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** The archive the build makes (Application's cds-training), for another build of engagebot.jar. */
    static void cdsTraining(Variant v, List<String> flags, Path jsa) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=error", "-jar", v.jar().toString(), "cds-training"));
        Process p = new ProcessBuilder(cmd).directory(v.workDir().toFile()).redirectErrorStream(true)
                .redirectOutput(v.workDir().resolve("cds.log").toFile()).start();
        if (p.waitFor() != 0 || !Files.exists(jsa)) {
            throw new IllegalStateException(v.name() + ": no archive, see " + v.workDir().resolve("cds.log"));
        }
    }

    /** The chat: process start to its first "> " prompt; then end of input, and it leaves. */
    static long chat(Variant engagebot, List<String> flags, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(extra);
        cmd.addAll(List.of("-jar", engagebot.jar().toString(), "chat"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(engagebot.workDir().toFile())
                .redirectError(engagebot.workDir().resolve("chat-err.log").toFile());
        environment(pb, engagebot, freePort());
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (InputStream out = p.getInputStream()) {
            StringBuilder seen = new StringBuilder();
            int c;
            while ((c = out.read()) >= 0) {
                seen.append((char) c);
                if (seen.length() >= 2 && seen.charAt(seen.length() - 2) == '>' && c == ' ') {
                    break;
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (c < 0) {
                throw new IllegalStateException("chat ended before its prompt: see " + engagebot.workDir().resolve("chat-err.log"));
            }
            p.getOutputStream().close();
            out.transferTo(OutputStream.nullOutputStream());
            return millis;
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static void environment(ProcessBuilder pb, Variant v, int port) {
        Map<String, String> env = pb.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:sqlite:" + v.workDir().resolve(v.dbFile()));
        // the dev mail server's fixed ports would clash with another instance; email stays off as with no host set
        env.put("ENGAGEBOT_MAIL_DEV_SERVER", "false");
    }

    static boolean healthy(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = s.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    /** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (the kernel's USER_HZ, 100 on Linux). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    static <T> long median(List<T> xs, java.util.function.ToLongFunction<T> f) {
        long[] v = xs.stream().mapToLong(f).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
