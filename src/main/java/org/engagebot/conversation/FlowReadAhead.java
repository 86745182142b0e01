package org.engagebot.conversation;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and parses the flows on another thread while the main thread builds the rest of the context (the second
 * core is mostly idle then), so that {@link FlowRegistry} finds them done. Only a cache, used once: a tree is taken
 * for a file only when its bytes are the same, the bundled files only when the registry reads the bundled copy, and
 * a file that does not parse is left for the ordinary path to report with its line.
 */
public final class FlowReadAhead {
    record Result(FlowFiles bundled, Map<ByteBuffer, YamlTree> trees) {
    }

    private static volatile CompletableFuture<Result> ahead;

    private FlowReadAhead() {
    }

    /**
     * Registers a read of the flows as the registry will read them ({@code dir} if it exists, else the jar's copy),
     * and gives the read to run on another thread.
     */
    public static Runnable prepare(String dir) {
        CompletableFuture<Result> future = new CompletableFuture<>();
        ahead = future;
        return () -> {
            try {
                future.complete(read(dir));
            } catch (Throwable e) {
                future.complete(new Result(null, Map.of()));
            }
        };
    }

    private static Result read(String dir) {
        Path path = Path.of(dir);
        boolean folder = Files.isDirectory(path);
        FlowFiles files = folder ? FlowFiles.inFolder(path) : FlowFiles.bundled(FlowReadAhead.class.getClassLoader());
        Map<ByteBuffer, YamlTree> trees = new HashMap<>();
        List<FlowFiles.File> all = new ArrayList<>();
        if (files != null) {
            all.addAll(files.flows());
            all.addAll(files.lists());
        }
        for (FlowFiles.File file : all) {
            try (var reader = new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8)) {
                trees.put(ByteBuffer.wrap(file.bytes()), YamlTree.parse(reader));
            } catch (Exception notParsed) {
                // the registry parses it again and reports where it is wrong
            }
        }
        Vocabulary.standard(); // its word lists, read when the first step names a verb
        return new Result(folder ? null : files, trees);
    }

    /** What was read ahead, once (waiting for it if still reading); empty when nothing was. */
    static Result take() {
        CompletableFuture<Result> future = ahead;
        ahead = null;
        return future == null ? new Result(null, Map.of()) : future.join();
    }
}
