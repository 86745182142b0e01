package org.engagebot.channel.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.StepView;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders where a web session is: a question page (one control per step type), check your answers, the
 * confirmation, or, for anything else the engine is waiting for, its last reply as a question. Only presentation:
 * which control shows which step type; every answer is the engine's to read.
 */
@Singleton
class FormPages {
    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{2,5}-\\d{4}-\\d{2,}\\b");
    private static final Pattern CHAT_COMMAND = Pattern.compile("(^|[\\s(\"“‘'])/\\p{L}{2,}");

    private final PageModel pages;
    private final FormTokens tokens;

    FormPages(PageModel pages, FormTokens tokens) {
        this.pages = pages;
        this.tokens = tokens;
    }

    /** What to show on top of the page's state: a problem from the engine, a note of ours, what was entered. */
    record Extras(@Nullable String problem, @Nullable String notice, List<String> entered) {
        static final Extras NONE = new Extras(null, null, List.of());
    }

    static String position(StepView view) {
        if (view == null) {
            return "none";
        }
        return switch (view.kind()) {
            case QUESTION -> "q:" + view.question().stepId() + (view.question().changing() ? ":c" : "");
            case CHECK_ANSWERS -> "check";
            case OTHER -> "other";
        };
    }

    MutableHttpResponse<?> show(FormIds.Form form, String sessionKey, Language language, StepView view, Extras extras,
                                @Nullable OutboundMessage lastReply, List<String> notes) {
        String path = "/forms/" + form.pathId();
        String heading = switch (view.kind()) {
            case QUESTION -> view.question().prompt();
            case CHECK_ANSWERS -> pages.text(language).get("web.check.heading");
            case OTHER -> lastReply == null ? view.title() : lastParagraph(lastReply.text());
        };
        WebText t = pages.text(language);
        String title = (extras.problem() != null ? t.fmt("web.title-error", heading) : heading) + " – " + view.title();
        Map<String, Object> model = pages.base(language, path, title);
        model.put("form", form);
        model.put("view", view);
        model.put("heading", heading);
        model.put("problem", extras.problem());
        model.put("problems", paragraphs(extras.problem()));
        model.put("notice", extras.notice());
        model.put("notes", notes);
        model.put("csrf", tokens.csrf(sessionKey));
        model.put("token", tokens.issue(sessionKey));
        model.put("position", position(view));
        model.put("canGoBack", view.canGoBack());
        HttpStatus status = extras.problem() != null ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return switch (view.kind()) {
            case QUESTION -> PageModel.render(status, "web/question", question(model, view.question(), extras));
            case CHECK_ANSWERS -> PageModel.render(status, "web/check", model);
            case OTHER -> PageModel.render(status, "web/other", other(model, lastReply));
        };
    }

    /** The engine's last words: a confirmation with the reference when a flow was completed, else what it said. */
    MutableHttpResponse<?> done(FormIds.Form form, Language language, List<String> texts, boolean completed) {
        WebText t = pages.text(language);
        String heading = completed ? t.get("web.done.heading") : form.title().in(language);
        Map<String, Object> model = pages.base(language, "/forms/" + form.pathId(), heading);
        model.put("heading", heading);
        model.put("completed", completed);
        String all = String.join("\n\n", texts);
        Matcher m = REFERENCE.matcher(all);
        model.put("reference", m.find() ? m.group() : completed ? form.reference() : null);
        model.put("paragraphs", paragraphs(all));
        model.put("form", form);
        return PageModel.render(HttpStatus.OK, "web/done", model);
    }

    private static Map<String, Object> question(Map<String, Object> model, StepView.Question q, Extras extras) {
        String control = control(q);
        model.put("q", q);
        model.put("control", control);
        model.put("inputType", switch (q.type()) {
            case "email" -> "email";
            case "phone" -> "tel";
            case "url" -> "url";
            default -> "text";
        });
        model.put("autocomplete", switch (q.type()) {
            case "email" -> "email";
            case "phone" -> "tel";
            case "url" -> "url";
            case "postcode" -> "postal-code";
            default -> "off";
        });
        boolean retyped = extras.problem() != null || extras.notice() != null;
        List<String> entered = retyped ? extras.entered() : (q.current() == null ? List.of() : List.of(q.current()));
        model.put("value", entered.isEmpty() ? "" : entered.get(0));
        model.put("checked", retyped ? entered : null);
        model.put("date", control.equals("date") ? dateParts(retyped, extras.entered(), q.current()) : null);
        boolean hint = q.hint() != null || control.equals("checkboxes") || control.equals("date");
        String describedBy = ((hint ? "answer-hint " : "") + (extras.problem() != null ? "answer-error" : "")).strip();
        model.put("describedBy", describedBy.isEmpty() ? null : describedBy);
        return model;
    }

    private static String control(StepView.Question q) {
        if (q.type().equals("multi-choice")) {
            return "checkboxes";
        }
        if (!q.options().isEmpty()) {
            return "radios";
        }
        if (q.type().equals("date")) {
            return "date";
        }
        return q.type().equals("text") && (q.maxLength() == 0 || q.maxLength() > 250) ? "textarea" : "input";
    }

    private static List<String> dateParts(boolean retyped, List<String> entered, String current) {
        if (retyped && entered.size() == 1 && entered.get(0).split("/", -1).length == 3) {
            return List.of(entered.get(0).split("/", -1));
        }
        if (current != null && current.matches("\\d{4}-\\d{2}-\\d{2}")) {
            String[] ymd = current.split("-");
            return List.of(Integer.toString(Integer.parseInt(ymd[2])), Integer.toString(Integer.parseInt(ymd[1])), ymd[0]);
        }
        return List.of("", "", "");
    }

    private static Map<String, Object> other(Map<String, Object> model, @Nullable OutboundMessage reply) {
        List<String> paragraphs = reply == null ? List.of() : paragraphs(reply.text());
        model.put("paragraphs", paragraphs.isEmpty() ? paragraphs : paragraphs.subList(0, paragraphs.size() - 1));
        List<Choice> choices = reply == null ? List.of() : reply.choices();
        model.put("choices", choices);
        return model;
    }

    /**
     * What the engine said that the page would otherwise not show: the messages that were waiting for the session
     * (whole), and on a question page what the turn's replies say before the question (an introduction, a thank you).
     * Chat instructions ("send /back …") stay out: the page has buttons for them. The question, its hint and the
     * problem are shown in their own places.
     */
    static List<String> notes(WebTurns.Turn turn, StepView view) {
        List<String> notes = new java.util.ArrayList<>();
        turn.earlier().forEach(m -> notes.addAll(paragraphs(m.text())));
        if (view.kind() != StepView.Kind.QUESTION) {
            return notes;
        }
        List<String> said = turn.replies().stream().flatMap(m -> paragraphs(m.text()).stream()).toList();
        int question = said.lastIndexOf(view.question().prompt().strip());
        List<String> problem = paragraphs(turn.problem());
        said.subList(0, Math.max(question, 0)).stream()
                .filter(p -> !problem.contains(p) && !CHAT_COMMAND.matcher(p).find())
                .forEach(notes::add);
        return notes;
    }

    static List<String> paragraphs(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }

    private static String lastParagraph(String text) {
        List<String> all = paragraphs(text);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
}
