package org.engagebot.bench;

import io.micronaut.context.ApplicationContext;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.conversation.Input;
import org.engagebot.platform.WriterLock;

import io.micronaut.jdbc.DataSourceResolver;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages a second through inbox → engine → outbox on a SQLite file, with latency percentiles.
 * Each simulated participant walks the whole registration flow (language, /register, 9 answers, confirm, which
 * emails a code to the address; the code itself is not typed).
 * Beside the figure it prints its own limit from the same run: raw single-insert SQLite transactions a second
 * through the service's own DataSource (same driver, pragmas and file system), and the ratio, which travels
 * between machines better than either number. Not a test: prints figures. Run:
 * mvn -B -q -Pbench test-compile exec:java -Dbench=PipelineBenchmark -Dbench.args="2000 8", or with java and chosen JVM
 * flags on the test class path (README, Performance); it prints the flags it ran with.
 */
public final class PipelineBenchmark {
    private static final String[] SCRIPT = {"/start", "l:en", "/register", "Org %d", "Person %d", "a:area:conwy",
            "person%d@example.org", "01248 123456", "a:website:-skip", "We help people.", "a:consent:yes",
            "a:newsletter:yes", "c:confirm"};

    /** CPU of the client threads, each of which ends with its run (a new pool per run). */
    private static final AtomicLong ENDED_THREADS_CPU = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        // participants walked before measuring, so that the JIT has compiled the path (200 left it compiling a third
        // of the process CPU through the measured run)
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("engagebot-bench");
        // -Dbench.db=postgresql: a new database on the test PostgreSQL (ENGAGEBOT_TEST_PG_URL, as .ci/pg-cluster
        // prints); -Dbench.instances=2: that many service instances on it, participants shared out between them
        boolean postgres = "postgresql".equals(System.getProperty("bench.db"));
        int instances = Integer.getInteger("bench.instances", 1);
        Map<String, Object> props = new java.util.HashMap<>(Map.of("engagebot.outbox.enabled", "false",
                "engagebot.telegram.enabled", "false", "engagebot.mail.enabled", "false",
                "engagebot.inbound.flood-per-minute", "1000", "micronaut.server.enabled", "false"));
        props.putAll(postgres ? org.engagebot.testing.TestDatabase.newPostgresDatabase()
                : Map.of("datasources.default.url", "jdbc:sqlite:" + dir.resolve("bench.db")));
        String driverOptions = System.getProperty("bench.pg-options"); // e.g. prepareThreshold=1, to try driver settings
        if (postgres && driverOptions != null) {
            props.put("datasources.default.url", props.get("datasources.default.url") + "?" + driverOptions);
        }
        List<ApplicationContext> contexts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            contexts.add(ApplicationContext.builder().properties(props).start());
        }
        try (ApplicationContext ctx = contexts.get(0)) {
            List<InboundPipeline> pipeline = contexts.stream().map(c -> c.getBean(InboundPipeline.class)).toList();
            DataSource raw = ctx.getBean(DataSourceResolver.class).resolve(ctx.getBean(DataSource.class));
            rawTransactions(raw, 2, new int[1]);
            run(pipeline, warm, clients, "warm");
            long rawCpu0 = cpu();
            int[] rawCount = new int[1];
            double rawPerSecond = rawTransactions(raw, 5, rawCount);
            double rawCpu = (double) (cpu() - rawCpu0) / rawCount[0];
            boolean statements = postgres && Boolean.getBoolean("bench.pgss") && resetStatements(raw);
            boolean tableStats = postgres && Boolean.getBoolean("bench.pgstats") && resetTableStats(raw);
            long postmaster = postgres ? ServerCpu.postmaster(raw) : 0;
            long server0 = postgres ? ServerCpu.ticks(postmaster) : 0;
            System.out.println("measured run starts"); // a profiler attached now sees only the measured run
            System.out.flush();
            long t0 = System.nanoTime();
            long cpu0 = cpu();
            long threads0 = javaThreadsCpu();
            WriterLock.Groups groups0 = WriterLock.groups();
            long[] latencies = run(pipeline, participants, clients, "run");
            long wall = System.nanoTime() - t0;
            double perSecond = latencies.length / (wall / 1e9);
            WriterLock.Groups g = WriterLock.groups().since(groups0);
            // each message is two grouped works (its store, then its step): the lock's hold time is what serialises
            System.out.printf("writer lock held by group commits %.0f%% of the run: %.0f µs a message (%.0f µs of its "
                    + "leaders' CPU), %.0f µs a group of %.1f works on average (%d groups)%n", 100.0 * g.heldNanos() / wall,
                    g.heldNanos() / 1e3 / latencies.length, g.heldCpuNanos() / 1e3 / latencies.length, g.heldNanos() / 1e3 / Math.max(1, g.groups()),
                    (double) g.works() / Math.max(1, g.groups()), g.groups());
            long process = cpu() - cpu0;
            long vm = process - (javaThreadsCpu() - threads0);
            System.out.printf("process CPU per message: %.0f µs, of which the JVM's own threads (JIT, GC): %.0f µs "
                    + "(raw insert transaction: %.0f µs)%n", process / 1e3 / latencies.length, vm / 1e3 / latencies.length,
                    rawCpu / 1e3);
            report(participants * SCRIPT.length, latencies);
            if (postgres) {
                long server = ServerCpu.ticks(postmaster) - server0;
                System.out.printf("PostgreSQL server CPU (its postmaster and children, from /proc): %.0f µs "
                        + "a message%n", server * ServerCpu.MICROS_A_TICK / latencies.length);
            }
            if (statements) {
                printStatements(raw, latencies.length);
            }
            if (tableStats) {
                printTableStats(raw, latencies.length);
            }
            System.out.println("JVM flags: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                    .getInputArguments()));
            System.out.printf("limit: raw %s single-insert transactions through the same DataSource: %.0f/s (1 thread); "
                    + "pipeline / raw = %.3f (%d instance(s))%n", postgres ? "PostgreSQL" : "SQLite", rawPerSecond,
                    perSecond / rawPerSecond, instances);
        } finally {
            contexts.stream().skip(1).forEach(ApplicationContext::close);
        }
    }

    private static long[] run(List<InboundPipeline> pipelines, int participants, int clients, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[participants * SCRIPT.length];
        AtomicLong index = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int p = client; p < participants; p += clients) {
                    String address = tag + "-" + p;
                    InboundPipeline pipeline = pipelines.get(p % pipelines.size());
                    for (String step : SCRIPT) {
                        String text = step.contains("%d") ? String.format(step, p) : step;
                        Input input = text.startsWith("a:") || text.startsWith("c:") || text.startsWith("l:")
                                ? new Input.Picked(text) : Input.fromText(text);
                        long t0 = System.nanoTime();
                        pipeline.accept(new InboundMessage("bench", address + ":" + step, address, null, input, null), null).join();
                        latencies[(int) index.getAndIncrement()] = System.nanoTime() - t0;
                    }
                }
                ENDED_THREADS_CPU.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        if (tag.equals("run")) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("pipeline: %d messages from %d participants in %.2f s = %.0f messages/s (%d client threads)%n",
                    latencies.length, participants, seconds, latencies.length / seconds, clients);
        }
        return latencies;
    }

    /** Single-row INSERT transactions (autocommit) a second on one connection, for {@code seconds}. */
    private static double rawTransactions(DataSource raw, int seconds, int[] count) throws Exception {
        try (Connection c = raw.getConnection()) {
            try (Statement s = c.createStatement()) {
                boolean postgres = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
                s.execute("CREATE TABLE IF NOT EXISTS bench_raw (id " + (postgres ? "BIGSERIAL" : "INTEGER") + " PRIMARY KEY, v TEXT NOT NULL)");
            }
            String payload = "x".repeat(200);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw (v) VALUES (?)")) {
                while (System.nanoTime() < end) {
                    ps.setString(1, payload);
                    // under the writer lock, as every write of the service: without it the WAL checkpointer cannot
                    // catch up, the WAL grows through the run and the raw figure comes out low
                    WriterLock.holding(ps::executeUpdate);
                    n++;
                }
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            count[0] = n;
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM bench_raw");
            }
            return rate;
        }
    }

    /**
     * -Dbench.pgss=true with the server started with shared_preload_libraries=pg_stat_statements: counts from the
     * measured run only. False when the server has no pg_stat_statements.
     */
    private static boolean resetStatements(DataSource raw) {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (java.sql.SQLException e) {
            System.out.println("pg_stat_statements not available: " + e.getMessage());
            return false;
        }
    }

    /**
     * -Dbench.pgstats=true: rows and index use of the measured run only (pg_stat_user_tables, pg_stat_user_indexes).
     * Backends report their counters at most once a second, and when idle 10 s later: it waits that out on both sides.
     */
    private static boolean resetTableStats(DataSource raw) throws Exception {
        Thread.sleep(11_000);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_reset()");
        }
        return true;
    }

    /** Inserts, updates (HOT among them) and deletes a message per table; scans of each index in the run. */
    private static void printTableStats(DataSource raw, int messages) throws Exception {
        Thread.sleep(11_000);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            System.out.println("tables of the run (pg_stat_user_tables): a message inserted, updated, of them HOT, deleted; index scans");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del "
                    + "FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname")) {
                while (rs.next()) {
                    System.out.printf("  %-28s ins %.3f  upd %.3f  hot %.3f  del %.3f%n", rs.getString(1),
                            rs.getLong(2) / (double) messages, rs.getLong(3) / (double) messages,
                            rs.getLong(4) / (double) messages, rs.getLong(5) / (double) messages);
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT i.relname, i.indexrelname, i.idx_scan, i.idx_tup_read "
                    + "FROM pg_stat_user_indexes i JOIN pg_stat_user_tables t USING (relid) "
                    + "WHERE t.n_tup_ins + t.n_tup_upd + t.n_tup_del + t.seq_scan + COALESCE(t.idx_scan, 0) > 0 ORDER BY 1, 2")) {
                while (rs.next()) {
                    System.out.printf("  %-28s %-44s scans %.3f a message (%d), tuples read %d%n", rs.getString(1),
                            rs.getString(2), rs.getLong(3) / (double) messages, rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    /** The statements of the run by total time: calls a message, server time a message, rows. */
    private static void printStatements(DataSource raw, int messages) throws Exception {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, total_plan_time, rows, "
                     + "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                     + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                     + "ORDER BY total_exec_time + total_plan_time DESC LIMIT 40")) {
            double calls = 0;
            double time = 0;
            System.out.println("statements of the run (pg_stat_statements): calls a message, exec+plan µs a message, query");
            while (rs.next()) {
                calls += rs.getLong(1);
                time += rs.getDouble(2) + rs.getDouble(3);
                String q = rs.getString(5);
                System.out.printf("  %6.3f  %7.1f  %s%n", rs.getLong(1) / (double) messages,
                        (rs.getDouble(2) + rs.getDouble(3)) * 1000 / messages, q.length() > 150 ? q.substring(0, 150) : q);
            }
            System.out.printf("  in all (top 40): %.2f statements and %.0f µs of server execution a message%n",
                    calls / messages, time * 1000 / messages);
        }
    }

    /** CPU of the PostgreSQL server's processes (the test cluster runs on this machine), summed from /proc. */
    private static final class ServerCpu {
        static final double MICROS_A_TICK = 1e6 / 100; // USER_HZ is 100 on Linux

        /** The server's main process: the parent of this connection's backend. */
        static long postmaster(DataSource raw) throws Exception {
            try (Connection c = raw.getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                return Long.parseLong(field(Files.readString(Path.of("/proc", rs.getString(1), "stat")), 4));
            }
        }

        /** Field {@code n} (1-based, as in proc(5)) of a /proc stat line. */
        private static String field(String stat, int n) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[n - 3];
        }

        static long ticks(long postmaster) {
            long sum = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
            for (java.io.File p : procs == null ? new java.io.File[0] : procs) {
                try {
                    String stat = Files.readString(p.toPath().resolve("stat"));
                    if (Long.parseLong(p.getName()) != postmaster && Long.parseLong(field(stat, 4)) != postmaster) {
                        continue;
                    }
                    sum += Long.parseLong(field(stat, 14)) + Long.parseLong(field(stat, 15)); // utime, stime
                    if (Long.parseLong(p.getName()) == postmaster) {
                        // children that ended (waited for) count in the parent's cutime, cstime
                        sum += Long.parseLong(field(stat, 16)) + Long.parseLong(field(stat, 17));
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            return sum;
        }
    }

    /** CPU time of the whole process (all threads), ns: less at the mercy of other processes than wall time. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the live application threads, ns (the JVM's compiler and GC threads are not among them). Threads that
     * ended in between are lost, so the JVM's share printed beside it is an upper bound; the benchmark's threads live
     * through the run.
     */
    private static long javaThreadsCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = ENDED_THREADS_CPU.get();
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static void report(int count, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("latency per message (store → engine → outbox, committed): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6, sorted[count - 1] / 1e6);
    }
}
