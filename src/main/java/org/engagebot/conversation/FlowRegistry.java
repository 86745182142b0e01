package org.engagebot.conversation;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All flows, loaded once at start-up (a broken file stops start-up) from {@code engagebot.flows.dir}, or
 * from the copy bundled in the jar when that folder does not exist. Also checks that every flow's action
 * exists. Thread-safe: immutable after construction.
 */
@Context
public class FlowRegistry {
    private final Map<String, FlowDefinition> flows;
    private final List<FlowSource> sources;

    public FlowRegistry(String dir, List<FlowAction> actions, List<FlowSource> sources) {
        this(dir, actions, sources, OfficeName.defaults());
    }

    @jakarta.inject.Inject
    public FlowRegistry(@Value("${engagebot.flows.dir:conversations}") String dir, List<FlowAction> actions,
                        List<FlowSource> sources, OfficeName office) {
        this.sources = sources;
        this.flows = load(dir, office).stream().collect(Collectors.toUnmodifiableMap(FlowDefinition::id, f -> f));
        Set<String> known = actions.stream().map(FlowAction::name).collect(Collectors.toSet());
        for (FlowDefinition flow : flows.values()) {
            if (!known.contains(flow.action())) {
                throw new FlowDefinitionException(flow.source() + ":1: action '" + flow.action()
                        + "' is not one of " + known.stream().sorted().toList());
            }
        }
    }

    public Optional<FlowDefinition> find(String flowId) {
        FlowDefinition flow = flows.get(flowId);
        if (flow != null) {
            return Optional.of(flow);
        }
        return sources.stream().map(s -> s.find(flowId)).flatMap(Optional::stream).findFirst();
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
