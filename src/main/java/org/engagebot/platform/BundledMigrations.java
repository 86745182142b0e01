package org.engagebot.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations bundled in one classpath folder, as Flyway's schema history records them once applied
 * (version, description, checksum), read without Flyway: {@link SchemaMigration} compares them with the history to
 * skip Flyway's set-up and scan when there is nothing to do. Anything this does not understand (a repeatable or undo
 * script, a name it cannot parse, a second copy of the folder) gives empty, and Flyway runs as usual.
 */
final class BundledMigrations {
    /** One applied or bundled versioned migration, as flyway_schema_history holds it. */
    record Migration(String version, String description, int checksum) {
    }

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** Read ahead on another thread at start-up ({@link #readAhead}), taken once by the first {@link #in}. */
    private static final Map<String, CompletableFuture<Optional<List<Migration>>>> AHEAD = new ConcurrentHashMap<>();

    private BundledMigrations() {
    }

    /**
     * Registers a read of the folder for the {@link #in} that start-up's migration check makes later, and gives the
     * read to run on another thread: finding the bundled files walks every entry of the jar (about 30,000), which the
     * main thread then need not wait for. If the read fails, {@link #in} reads again itself.
     */
    static Runnable readAhead(ClassLoader loader, String folder) {
        CompletableFuture<Optional<List<Migration>>> future = new CompletableFuture<>();
        AHEAD.put(key(loader, folder), future);
        return () -> {
            try {
                future.complete(read(loader, folder));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        };
    }

    /** folder: "db/migration" or "db/postgresql". */
    static Optional<List<Migration>> in(ClassLoader loader, String folder) {
        CompletableFuture<Optional<List<Migration>>> ahead = AHEAD.remove(key(loader, folder));
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (RuntimeException failed) {
                // read below
            }
        }
        return read(loader, folder);
    }

    private static String key(ClassLoader loader, String folder) {
        return System.identityHashCode(loader) + ":" + folder;
    }

    private static Optional<List<Migration>> read(ClassLoader loader, String folder) {
        try {
            List<URL> copies = new ArrayList<>();
            loader.getResources(folder).asIterator().forEachRemaining(copies::add);
            if (copies.size() != 1) {
                return Optional.empty();
            }
            URL url = copies.get(0);
            List<Migration> found = new ArrayList<>();
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = folder + "/";
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (entry.isDirectory() || !name.startsWith(prefix)) {
                            continue;
                        }
                        try (InputStream in = jar.getInputStream(entry)) {
                            if (!add(found, name.substring(prefix.length()), in)) {
                                return Optional.empty();
                            }
                        }
                    }
                }
            } else if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            if (!add(found, Path.of(url.toURI()).relativize(file).toString(), in)) {
                                return Optional.empty();
                            }
                        }
                    }
                }
            } else {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(found));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** False for anything but a versioned SQL migration directly in the folder. */
    private static boolean add(List<Migration> found, String name, InputStream in) throws IOException {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
            return false;
        }
        found.add(new Migration(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '), checksum(in)));
        return true;
    }

    /**
     * Flyway's checksum (its ChecksumCalculator): CRC32 over each line's UTF-8 bytes, line ends left out, a byte
     * order mark at a line's start dropped. A difference only costs the skip: Flyway then runs and validates.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
