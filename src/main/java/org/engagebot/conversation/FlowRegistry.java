package org.engagebot.conversation;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * All flows, loaded once at start-up (a broken file stops start-up) from {@code engagebot.flows.dir}, or
 * from the copy bundled in the jar when that folder does not exist. Also checks that every flow's action
 * exists, by the actions' names ({@link FlowActionNames}): the actions, their services and the flow sources (which
 * take the consultation and event stores) are created at their first use, or by the warm-up after the server
 * listens, not here. Thread-safe: immutable after construction (the sources are looked up once, at first need).
 */
@Context
public class FlowRegistry {
    private final Map<String, FlowDefinition> flows;
    private final Supplier<List<FlowSource>> sourceLookup;
    private volatile List<FlowSource> sources;

    public FlowRegistry(String dir, List<FlowAction> actions, List<FlowSource> sources) {
        this(dir, FlowActionNames.of(actions), () -> sources, OfficeName.defaults());
    }

    @jakarta.inject.Inject
    FlowRegistry(@Value("${engagebot.flows.dir:conversations}") String dir, FlowActionNames actions,
                 BeanProvider<FlowSource> sources, OfficeName office) {
        this(dir, actions, () -> sources.stream().toList(), office);
    }

    private FlowRegistry(String dir, FlowActionNames actions, Supplier<List<FlowSource>> sources, OfficeName office) {
        this.sourceLookup = sources;
        this.flows = load(dir, office).stream().collect(Collectors.toUnmodifiableMap(FlowDefinition::id, f -> f));
        for (FlowDefinition flow : flows.values()) {
            if (!actions.contains(flow.action())) {
                throw new FlowDefinitionException(flow.source() + ":1: action '" + flow.action()
                        + "' is not one of " + actions.names().stream().sorted().toList());
            }
        }
    }

    public Optional<FlowDefinition> find(String flowId) {
        FlowDefinition flow = flows.get(flowId);
        if (flow != null) {
            return Optional.of(flow);
        }
        return sources().stream().map(s -> s.find(flowId)).flatMap(Optional::stream).findFirst();
    }

    private List<FlowSource> sources() {
        List<FlowSource> found = sources;
        if (found == null) {
            found = List.copyOf(sourceLookup.get());
            sources = found;
        }
        return found;
    }

    public Optional<FlowDefinition> byCommand(String command) {
        return flows.values().stream().filter(f -> f.commands().contains(command)).findFirst();
    }

    /** The flow whose keyword the text is or starts with, ignoring case, accents and punctuation. */
    public Optional<FlowDefinition> byKeyword(String text) {
        String t = Fold.fold(text);
        return flows.values().stream()
                .filter(f -> f.keywords().stream().map(Fold::fold).anyMatch(k -> t.equals(k) || t.startsWith(k + " ")))
                .findFirst();
    }

    /** The flow that takes free text sent outside a conversation ("send it to the office"), if one says so. */
    public Optional<FlowDefinition> fallback() {
        return flows.values().stream().filter(f -> f.fallback() != null).sorted((a, b) -> a.id().compareTo(b.id()))
                .findFirst();
    }

    public List<FlowDefinition> menu() {
        return flows.values().stream().filter(FlowDefinition::menu)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public List<FlowDefinition> all() {
        return List.copyOf(flows.values());
    }

    private static List<FlowDefinition> load(String dir, OfficeName office) {
        Path path = Path.of(dir);
        FlowReadAhead.Result ahead = FlowReadAhead.take();
        FlowLoader loader = FlowLoader.atStart(office, ahead.trees());
        if (Files.isDirectory(path)) {
            return loader.load(FlowFiles.inFolder(path), false);
        }
        FlowFiles bundled = ahead.bundled() != null ? ahead.bundled() : FlowFiles.bundled(FlowRegistry.class.getClassLoader());
        if (bundled == null) {
            throw new FlowDefinitionException(dir + ": no flows folder, and none bundled");
        }
        return loader.load(bundled, true);
    }
}
