package org.engagebot.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the service finds its flows at start: the folder beside it, else the copy bundled in the jar; a folder file
 * that is not the bundled copy byte for byte is still checked against the schema.
 */
class FlowRegistryStartTest {
    private static final Path SHIPPED = Path.of("conversations");

    @TempDir
    Path dir;

    @Test
    void withNoFolderTheBundledFlowsAreLoaded() throws IOException {
        FlowRegistry registry = new FlowRegistry(dir.resolve("none").toString(), actions(), List.of());

        assertThat(registry.all()).extracting(FlowDefinition::id)
                .containsExactlyInAnyOrderElementsOf(new FlowLoader().load(SHIPPED).stream().map(FlowDefinition::id).toList());
    }

    @Test
    void bundledFlowsAndListsAreReadFromAJarEntryByEntry() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(SHIPPED)) {
            put(out, "org/elsewhere/other.yaml", "not: a flow".getBytes());
            // folders have entries of their own, as in the jar the build makes
            put(out, "conversations/", new byte[0]);
            put(out, "conversations/lists/", new byte[0]);
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                put(out, "conversations/" + SHIPPED.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            FlowFiles bundled = FlowFiles.bundled(loader);
            FlowFiles folder = FlowFiles.inFolder(SHIPPED);

            assertThat(bundled.flows()).extracting(FlowFiles.File::name)
                    .containsExactlyElementsOf(folder.flows().stream().map(FlowFiles.File::name).toList());
            assertThat(bundled.lists()).extracting(FlowFiles.File::name).isNotEmpty().allMatch(n -> n.startsWith("lists/"))
                    .containsExactlyElementsOf(folder.lists().stream().map(FlowFiles.File::name).toList());
            assertThat(FlowLoader.atStart(OfficeName.defaults()).load(bundled, true)).extracting(FlowDefinition::id)
                    .containsExactlyElementsOf(new FlowLoader().load(SHIPPED).stream().map(FlowDefinition::id).toList());
        }
    }

    @Test
    void aFolderCopyOfTheBundledFlowsLoads() throws IOException {
        copyShipped();

        assertThat(new FlowRegistry(dir.toString(), actions(), List.of()).all()).hasSameSizeAs(new FlowLoader().load(SHIPPED));
    }

    @Test
    void aFolderFileThatDiffersFromTheBundledCopyIsStillCheckedAgainstTheSchema() throws IOException {
        copyShipped();
        Path message = dir.resolve("message.yaml");
        // a step type the schema does not know, in an otherwise shipped file
        Files.writeString(message, Files.readString(message).replaceFirst("(?m)^    type: text$", "    type: txt"));

        assertThatThrownBy(() -> new FlowRegistry(dir.toString(), actions(), List.of()))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageStartingWith("conversations/message.yaml:")
                .hasMessageContaining("type");
    }

    @Test
    void flowsReadAheadOnAnotherThreadLoadTheSame() throws Exception {
        copyShipped();
        Thread ahead = new Thread(FlowReadAhead.prepare(dir.toString()));
        ahead.start();
        ahead.join();

        assertThat(new FlowRegistry(dir.toString(), actions(), List.of()).all()).extracting(FlowDefinition::id)
                .containsExactlyInAnyOrderElementsOf(new FlowLoader().load(SHIPPED).stream().map(FlowDefinition::id).toList());
    }

    @Test
    void aFileChangedAfterTheReadAheadIsReadAndCheckedAgain() throws Exception {
        copyShipped();
        Thread ahead = new Thread(FlowReadAhead.prepare(dir.toString()));
        ahead.start();
        ahead.join();
        Path message = dir.resolve("message.yaml");
        Files.writeString(message, Files.readString(message).replaceFirst("(?m)^    type: text$", "    type: txt"));

        assertThatThrownBy(() -> new FlowRegistry(dir.toString(), actions(), List.of()))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageStartingWith("conversations/message.yaml:");
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private void copyShipped() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(SHIPPED.relativize(f).toString()));
            }
        }
    }

    /** An action of each name the shipped flows use. */
    private static List<FlowAction> actions() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = Pattern.compile("(?m)^action:\\s*(\\S+)").matcher(Files.readString(f));
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names.stream().<FlowAction>map(name -> new FlowAction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome complete(Completion completion) {
                throw new UnsupportedOperationException();
            }
        }).toList();
    }
}
