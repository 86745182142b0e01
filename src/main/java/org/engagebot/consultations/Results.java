package org.engagebot.consultations;

import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts over each respondent's current response: by channel, by question, and by option and channel. */
@Serdeable
public record Results(long id, String reference, int respondents, int late, Map<String, Integer> byChannel,
               List<QuestionResult> questions) {

    @Serdeable
    public record QuestionResult(String id, String type, Text text, int answered, Map<String, Integer> byChannel,
                          List<OptionResult> options, int unmatched) {
    }

    @Serdeable
    public record OptionResult(String value, Text label, int count, Map<String, Integer> byChannel) {
    }

    static Results of(Consultation c, List<Response> current, ConsultationTexts texts) {
        Map<String, Integer> byChannel = new TreeMap<>();
        current.forEach(r -> byChannel.merge(r.channel(), 1, Integer::sum));
        int late = (int) current.stream().filter(Response::late).count();
        List<QuestionResult> questions = new ArrayList<>();
        for (Question q : c.questions()) {
            questions.add(question(q, current, texts.options(q)));
        }
        return new Results(c.id(), c.reference(), current.size(), late, byChannel, questions);
    }

    private static QuestionResult question(Question q, List<Response> current, List<Text> labels) {
        Map<String, Integer> answeredBy = new TreeMap<>();
        List<Map<String, Integer>> optionCounts = new ArrayList<>();
        labels.forEach(l -> optionCounts.add(new TreeMap<>()));
        int answered = 0;
        int unmatched = 0;
        for (Response r : current) {
            String a = r.answers().get(q.id());
            if (a == null || a.isBlank()) {
                continue;
            }
            answered++;
            answeredBy.merge(r.channel(), 1, Integer::sum);
            if (!q.hasOptions()) {
                continue;
            }
            boolean matched = a.matches("\\d{1,2}(,\\d{1,2})*");
            for (String v : matched ? a.split(",") : new String[0]) {
                int n = Integer.parseInt(v);
                if (n >= 1 && n <= labels.size()) {
                    optionCounts.get(n - 1).merge(r.channel(), 1, Integer::sum);
                }
            }
            unmatched += matched ? 0 : 1;
        }
        List<OptionResult> options = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int count = optionCounts.get(i).values().stream().mapToInt(Integer::intValue).sum();
            options.add(new OptionResult(Integer.toString(i + 1), labels.get(i), count, optionCounts.get(i)));
        }
        return new QuestionResult(q.id(), q.type(), q.text(), answered, answeredBy, options, unmatched);
    }
}
