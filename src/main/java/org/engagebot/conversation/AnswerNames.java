package org.engagebot.conversation;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people call a step's answer when they refer back to it (answers/answer-names.yaml, and the step's own labels),
 * as folded word lists. Loaded once; immutable and thread-safe.
 */
final class AnswerNames {
    private static final AnswerNames STANDARD = load("answers/answer-names.yaml");

    private final Map<String, List<String>> byId;
    private final Map<String, List<String>> byType;

    private AnswerNames(Map<String, List<String>> byId, Map<String, List<String>> byType) {
        this.byId = byId;
        this.byType = byType;
    }

    static AnswerNames standard() {
        return STANDARD;
    }

    /** The step's names, each as folded words. */
    Set<List<String>> of(Step step) {
        Set<List<String>> names = new LinkedHashSet<>();
        List<String> raw = new ArrayList<>(List.of(step.label().en(), step.label().cy(), step.id().replace('_', ' ')));
        raw.addAll(byId.getOrDefault(step.id(), List.of()));
        raw.addAll(byType.getOrDefault(typeName(step.type()), List.of()));
        raw.stream().map(Fold::words).filter(w -> !w.isEmpty()).forEach(names::add);
        return names;
    }

    /** The one step the text names ("dwi isio newid y wefan" → website), by its longest name; empty if none or two. */
    java.util.Optional<Step> mentioned(List<Step> steps, String text) {
        List<String> words = Fold.words(text);
        Step best = null;
        int length = 0;
        boolean tie = false;
        for (Step step : steps) {
            int own = of(step).stream().filter(n -> java.util.Collections.indexOfSubList(words, n) >= 0)
                    .mapToInt(List::size).max().orElse(0);
            if (own > 0 && own == length && best != step) {
                tie = true;
            } else if (own > length) {
                best = step;
                length = own;
                tie = false;
            }
        }
        return tie ? java.util.Optional.empty() : java.util.Optional.ofNullable(best);
    }

    private static String typeName(StepType type) {
        return type instanceof StepType.Email ? "email" : type instanceof StepType.Phone ? "phone"
                : type instanceof StepType.Url ? "url" : type instanceof StepType.Postcode ? "postcode" : "";
    }

    @SuppressWarnings("unchecked")
    private static AnswerNames load(String resource) {
        try (InputStream in = AnswerNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new AnswerNames(Map.copyOf((Map<String, List<String>>) root.get("by-id")),
                    Map.copyOf((Map<String, List<String>>) root.get("by-type")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
