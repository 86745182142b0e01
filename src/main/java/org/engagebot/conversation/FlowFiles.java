package org.engagebot.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a flows folder, read into memory: the flows ({@code *.yaml}) and the option lists
 * ({@code lists/*.yaml}), each sorted by name.
 */
record FlowFiles(List<File> flows, List<File> lists) {
    static final String BUNDLED = "conversations/";

    /** One file: its name inside the folder ("register.yaml", "lists/areas.yaml") and its bytes. */
    record File(String name, byte[] bytes) {
        String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }

    static FlowFiles inFolder(Path dir) {
        return new FlowFiles(read(dir, ""), read(dir.resolve("lists"), "lists/"));
    }

    /**
     * The copy bundled in the jar (or in target/classes when run from the build). Read through the jar the class
     * loader already has open, entry by entry: a zip file system over the whole jar indexed every one of its
     * entries first, which was a visible part of start-up.
     */
    static FlowFiles bundled(ClassLoader loader) {
        URL url = loader.getResource(BUNDLED.substring(0, BUNDLED.length() - 1));
        if (url == null) {
            return null;
        }
        try {
            if (!"jar".equals(url.getProtocol())) {
                return inFolder(Path.of(url.toURI()));
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                List<File> flows = new ArrayList<>();
                List<File> lists = new ArrayList<>();
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!name.startsWith(BUNDLED) || !isYaml(name)) {
                        continue;
                    }
                    String inFolder = name.substring(BUNDLED.length());
                    List<File> into = inFolder.indexOf('/') < 0 ? flows : inFolder.startsWith("lists/")
                            && inFolder.indexOf('/', 6) < 0 ? lists : null;
                    if (into != null) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            into.add(new File(inFolder, in.readAllBytes()));
                        }
                    }
                }
                return new FlowFiles(sorted(flows), sorted(lists));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Cannot read bundled flows", e));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of the bundled file of that name, if there is one. */
    static Optional<byte[]> bundledBytes(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(BUNDLED + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<File> read(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<File> read = new ArrayList<>();
            for (Path p : files.filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p)).toList()) {
                read.add(new File(prefix + p.getFileName(), Files.readAllBytes(p)));
            }
            return sorted(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<File> sorted(List<File> files) {
        return files.stream().sorted(Comparator.comparing(File::name)).toList();
    }
}
