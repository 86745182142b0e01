package org.engagebot.channel.email;

import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.Fold;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads answers out of a reply to an email form. A line "N." or "N)" (N a question number of the flow, quoted
 * or not) or "Label:" starts question N's answer; the text after it (on that line, unless it is the question's
 * own label) and on the following unquoted lines is the answer; blank lines between its paragraphs are kept.
 * Quoted lines, indented form text, error lines and "Answer:" prefixes are ignored. Total on any text; answers
 * are raw, not yet validated.
 */
final class FormReader {
    /** "2. …", "2) …" or "2: …" (a colon only before a space, so "10:30 on Fridays" stays part of an answer). */
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})\\s*(?:[.)]|:(?=\\s|$))\\s*(.*)$");
    private static final Pattern LABEL = Pattern.compile("^([^:]{1,60}):\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("(?i)^(?:(?:ateb|answer)\\s*:?\\s*/\\s*)?(?:ateb|answer)\\s*:\\s*");

    private final FlowDefinition flow;
    private final Set<String> formLines;

    FormReader(FlowDefinition flow, Set<String> formLines) {
        this.flow = flow;
        this.formLines = formLines.stream().map(FormReader::normal).collect(Collectors.toSet());
    }

    Map<String, String> read(String body) {
        Map<String, StringBuilder> answers = new LinkedHashMap<>();
        Step current = null;
        boolean paragraph = false;
        for (String raw : body.replace("\r\n", "\n").split("\n")) {
            boolean quoted = raw.stripLeading().startsWith(">");
            String line = raw.replaceFirst("^(\\s*>)+", "").strip();
            Step started = start(line);
            if (started != null) {
                current = started;
                answers.computeIfAbsent(current.id(), k -> new StringBuilder());
                String rest = withoutLabel(current, rest(line));
                if (!quoted && !rest.isEmpty() && !isLabel(current, rest) && !isFormText(rest)) {
                    append(answers.get(current.id()), rest, false);
                }
                paragraph = false;
                continue;
            }
            if (!quoted && line.isEmpty()) {
                paragraph = true;
                continue;
            }
            if (quoted || current == null || isFormText(line)) {
                continue;
            }
            append(answers.get(current.id()), ANSWER.matcher(line).replaceFirst(""), paragraph);
            paragraph = false;
        }
        Map<String, String> result = new LinkedHashMap<>();
        answers.forEach((id, text) -> {
            if (!text.toString().isBlank()) {
                result.put(id, singleLine(id) ? text.toString().strip().split("\n")[0] : text.toString().strip());
            }
        });
        answers.keySet().forEach(id -> result.putIfAbsent(id, ""));
        return result;
    }

    /** Only free text and multiple choice answers run over several lines; a signature below the rest is dropped. */
    private boolean singleLine(String stepId) {
        return flow.step(stepId).map(s -> !(s.type() instanceof StepType.FreeText || s.type() instanceof StepType.MultiChoice))
                .orElse(false);
    }

    private Step start(String line) {
        Matcher n = NUMBER.matcher(line);
        if (n.matches()) {
            int index = Integer.parseInt(n.group(1)) - 1;
            return index >= 0 && index < flow.steps().size() ? flow.steps().get(index) : null;
        }
        Matcher l = LABEL.matcher(line);
        if (l.matches() && !ANSWER.matcher(line).lookingAt()) {
            String label = normal(l.group(1));
            return flow.steps().stream().filter(s -> labels(s).contains(label)).findFirst().orElse(null);
        }
        return null;
    }

    private static String rest(String line) {
        Matcher n = NUMBER.matcher(line);
        String rest = n.matches() ? n.group(2) : LABEL.matcher(line).replaceFirst("$2");
        return ANSWER.matcher(rest.strip()).replaceFirst("").strip();
    }

    private static String withoutLabel(Step step, String rest) {
        Matcher l = LABEL.matcher(rest);
        return l.matches() && labels(step).contains(normal(l.group(1))) ? l.group(2).strip() : rest;
    }

    private boolean isLabel(Step step, String text) {
        return labels(step).contains(normal(text));
    }

    private static List<String> labels(Step step) {
        return List.of(normal(step.label().en()), normal(step.label().cy()),
                normal(step.label().cy() + " / " + step.label().en()));
    }

    private boolean isFormText(String line) {
        String n = normal(line);
        return formLines.contains(n) || line.strip().startsWith("! ")
                || ANSWER.matcher(line).replaceFirst("").isBlank();
    }

    /** Adds a line to an answer; a blank line before it in the mail is kept as a paragraph break. */
    private static void append(StringBuilder answer, String text, boolean newParagraph) {
        if (text.isBlank()) {
            return;
        }
        if (answer.length() > 0) {
            answer.append(newParagraph ? "\n\n" : "\n");
        }
        answer.append(text.strip());
    }

    /** For comparing labels and form lines as people write them: "Ffon" is "Ffôn", "E-bost" is "Ebost", any case. */
    private static String normal(String s) {
        String folded = Fold.fold(s).replace(" ", "");
        return folded.isEmpty() ? s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : folded;
    }
}
