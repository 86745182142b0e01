package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.ChoiceReader;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;
import org.engagebot.conversation.Validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an emailed reply (already trimmed of quotes and signature) as answers: the whole text answers a
 * one-question consultation; with several questions, numbered answers go to their questions and an
 * unnumbered reply is kept as text only. Choices are matched by number or label; what does not match is
 * kept as written.
 */
@Singleton
class EmailAnswers {
    private static final int MAX = 5000;
    private final ChoiceReader choices;
    private final ConsultationTexts texts;

    EmailAnswers(ChoiceReader choices, ConsultationTexts texts) {
        this.choices = choices;
        this.texts = texts;
    }

    Map<String, String> read(Consultation c, String trimmed) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (trimmed == null || trimmed.isBlank()) {
            return answers;
        }
        List<Question> questions = c.questions();
        if (questions.size() == 1) {
            answers.put(questions.get(0).id(), match(questions.get(0), trimmed.strip().replaceFirst("^1\\s?[.)]\\s+", "")));
            return answers;
        }
        NumberedAnswers.split(trimmed, questions.size()).forEach((n, a) -> {
            if (!a.isEmpty()) {
                answers.put(questions.get(n - 1).id(), match(questions.get(n - 1), a));
            }
        });
        return answers;
    }

    private String match(Question q, String answer) {
        String a = answer.length() > MAX ? answer.substring(0, MAX) : answer;
        if (!q.hasOptions()) {
            return a;
        }
        List<Option> options = options(q);
        if (q.type().equals("multi")) {
            Validation v = choices.multi(new StepType.MultiChoice(options, 1, 0), a);
            return v instanceof Validation.Valid valid ? valid.value() : a;
        }
        String single = a.strip().replaceAll("[.!]+$", "");
        if (q.type().equals("scale") && single.matches("[1-5]\\b.*")) {
            return single.substring(0, 1);
        }
        return choices.single(options, single).orElse(a);
    }

    private List<Option> options(Question q) {
        return texts.choiceOptions(q);
    }
}
