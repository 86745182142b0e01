package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step type read and normalised through the engine; the test clock's today is 2027-03-10. */
class EngineStepTypesTest {
    /** A valid typed answer for each profile step, in flow order. */
    static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put("name", "Jo Bloggs");
        VALID.put("email", "jo@example.org");
        VALID.put("phone", "07911 123456");
        VALID.put("website", "www.example.org");
        VALID.put("postcode", "LL57 2DG");
        VALID.put("area", "1");
        VALID.put("topics", "1");
        VALID.put("member", "yes");
        VALID.put("event_day", "01/04/2027");
        VALID.put("founded", "01/01/1990");
        VALID.put("consent", "yes");
    }

    @TempDir
    Path dir;
    EngineHarness h;
    EngineHarness.Chat chat;

    @BeforeEach
    void setUp() throws Exception {
        h = new EngineHarness(dir);
        chat = h.chat(1, Language.EN);
    }

    /** Starts the profile flow and answers every step before {@code stepId}. */
    static Reply reach(EngineHarness.Chat chat, String stepId) {
        Reply reply = chat.send("/profile");
        for (Map.Entry<String, String> e : VALID.entrySet()) {
            if (e.getKey().equals(stepId)) {
                break;
            }
            reply = chat.send(e.getValue());
        }
        assertThat(chat.step()).isEqualTo(stepId);
        return reply;
    }

    @ParameterizedTest(name = "{0}: ''{1}'' is stored as ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "name      | '  Jo  '                  | Jo",
            "name      | 12345678901234567890     | 12345678901234567890",
            "email     | Jo@Example.ORG           | jo@example.org",
            "phone     | 07911 123456             | +447911123456",
            "phone     | 01248 383 000            | +441248383000",
            "phone     | +44 7911 123456          | +447911123456",
            "phone     | +33 1 42 68 53 00        | +33142685300",
            "phone     | 00353 1 234 5678         | +35312345678",
            "website   | www.example.org          | https://www.example.org",
            "website   | example.org/about        | https://example.org/about",
            "website   | http://example.org       | http://example.org",
            "website   | HTTPS://Example.org/x    | https://example.org/x",
            "postcode  | ll57 2dg                 | LL57 2DG",
            "postcode  | LL572DG                  | LL57 2DG",
            "postcode  | ch7  1aa                 | CH7 1AA",
            "area      | 2                        | south",
            "area      | North                    | north",
            "area      | gogledd                  | north",
            "area      | Arall                    | other",
            "topics    | '1, 3'                   | youth,fraud",
            "topics    | 2 3                      | roads,fraud",
            "topics    | Twyll                    | fraud",
            "topics    | youth and roads          | youth,roads",
            "member    | Yes                      | yes",
            "member    | ie                       | yes",
            "member    | ydw                      | yes",
            "member    | no                       | no",
            "member    | na                       | no",
            "member    | nac ydw                  | no",
            "event_day | 10/03/2027               | 2027-03-10",
            "event_day | 2027-04-01               | 2027-04-01",
            "event_day | 5-4-2027                 | 2027-04-05",
            "event_day | 1.4.2027                 | 2027-04-01",
            "event_day | 5 March 2028             | 2028-03-05",
            "event_day | 5 march 2028             | 2028-03-05",
            "event_day | 1st Apr 2027             | 2027-04-01",
            "event_day | 5 Sep 2027               | 2027-09-05",
            "event_day | 5 Sept 2027              | 2027-09-05",
            "event_day | 5 Mawrth 2028            | 2028-03-05",
            "event_day | 1 rhagfyr 2027           | 2027-12-01",
            "event_day | 29/02/2028               | 2028-02-29",
            "founded   | 10/03/2027               | 2027-03-10",
            "founded   | 1 January 1990           | 1990-01-01",
            "consent   | yes                      | yes",
            "consent   | cytuno                   | yes",
            "consent   | Ydw.                     | yes",
    })
    void acceptsAndNormalisesTypedAnswers(String step, String typed, String stored) {
        reach(chat, step);
        chat.send(typed);
        assertThat(chat.session().orElseThrow().answers()).containsEntry(step, stored);
        assertThat(chat.step()).isNotEqualTo(step);
    }

    @ParameterizedTest(name = "{0}: ''{1}'' is refused with {2}")
    @CsvSource(delimiter = '|', value = {
            "name      | J                        | invalid.too-short",
            "name      | 123456789012345678901    | invalid.too-long",
            "email     | jo@                      | invalid.email",
            "email     | jo, example.org          | invalid.email",
            "phone     | 12345                    | invalid.phone",
            "phone     | call me                  | invalid.phone",
            "website   | not a site               | invalid.url",
            "website   | localhost                | invalid.url",
            "postcode  | LL57                     | invalid.postcode",
            "postcode  | 12345                    | invalid.postcode",
            "area      | 4                        | invalid.choice",
            "area      | East                     | invalid.choice",
            "topics    | '1, 2, 3'                | invalid.multi-count",
            "topics    | '1, banana'              | invalid.multi-choice",
            "member    | banana                   | invalid.yes-no",
            "member    | maybe                    | invalid.yes-no-unsure",
            "event_day | 09/03/2027               | invalid.date-past",
            "event_day | 31/02/2027               | invalid.date",
            "event_day | 29/02/2027               | invalid.date",
            "event_day | next week                | invalid.date",
            "founded   | 11/03/2027               | invalid.date-future",
            "consent   | banana                   | invalid.consent",
            "consent   | perhaps                  | invalid.consent-unsure",
    })
    void refusesInvalidAnswersAndReAsksWithTheReason(String step, String typed, String key) {
        Step definition = profileStep(step);
        reach(chat, step);
        Reply reply = chat.send(typed);
        String reason = h.messages.get(key).en().replaceAll("%(\\d+\\$)?[sd].*", "");
        assertThat(reply.text()).contains(reason).contains(definition.prompt().en());
        assertThat(reply.text().indexOf(reason)).isLessThan(reply.text().indexOf(definition.prompt().en()));
        assertThat(chat.step()).isEqualTo(step);
        assertThat(chat.session().orElseThrow().answers()).doesNotContainKey(step);
    }

    @Test
    void tooLongTextSaysTheLimitAndTheLength() {
        reach(chat, "name");
        assertThat(chat.send("x".repeat(25)).text()).contains(h.en("invalid.too-long", 20, 25));
    }

    @Test
    void sayingThereIsNoneToARequiredPhoneSaysItCannotBeSkipped() {
        reach(chat, "phone");
        assertThat(chat.send("we don't have one").text()).contains(h.en("invalid.required"))
                .doesNotContain(h.en("invalid.phone"));
        assertThat(chat.step()).isEqualTo("phone");
    }

    @Test
    void textThatCouldNotBeDecodedIsAskedForAgainNotStored() {
        reach(chat, "name");
        assertThat(chat.send("Caf\uFFFD Cymraeg").text()).contains(h.en("invalid.unreadable"));
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void unknownMultiChoicePartIsNamedInTheReason() {
        reach(chat, "topics");
        assertThat(chat.send("1, banana").text()).contains(h.en("invalid.multi-choice", "banana"));
    }

    @Test
    void choiceStepOffersItsOptionsAsButtonsAndTakesATap() {
        Reply reply = reach(chat, "area");
        assertThat(reply.choices()).extracting(Choice::value)
                .containsExactly("a:area:north", "a:area:south", "a:area:other");
        assertThat(reply.choices()).extracting(Choice::label).containsExactly("North", "South", "Other");
        chat.tap("a:area:other");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "other");
    }

    @Test
    void multiChoiceStepListsNumberedOptions() {
        Reply reply = reach(chat, "topics");
        assertThat(reply.text()).contains(h.en("prompt.multi-choice")).contains("1. Youth\n2. Roads\n3. Fraud");
    }

    @Test
    void yesNoAndConsentStepsOfferYesAndNoButtons() {
        assertThat(reach(chat, "member").choices()).extracting(Choice::value)
                .containsExactly("a:member:yes", "a:member:no");
        chat.tap("a:member:no");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("member", "no");
        h.chat(2, Language.EN);
        EngineHarness.Chat other = h.chat(2, Language.EN);
        reach(other, "consent");
        assertThat(other.send("/help").choices()).extracting(Choice::label)
                .containsExactly("Yes, I agree", "No, I do not agree");
        Reply refused = other.tap("a:consent:no");
        assertThat(refused.text()).contains(h.en("consent.declined", "profile", "proffil"));
        assertThat(other.session()).isEmpty();
        assertThat(h.completions).isEmpty();
    }

    @Test
    void optionalConsentMayBeRefused() {
        chat.send("/quick");
        chat.send("yes");
        chat.send("no");
        assertThat(h.onlyCompletion().answers()).containsEntry("agree", "no");
    }

    @Test
    void welshSpeakerGetsTheReasonInWelsh() {
        EngineHarness.Chat welsh = h.chat(2, Language.CY);
        reach(welsh, "email");
        Reply reply = welsh.send("dim cyfeiriad");
        assertThat(reply.text()).contains(h.cy("invalid.email")).contains("Eich e-bost?")
                .doesNotContain(h.en("invalid.email"));
    }

    @ParameterizedTest
    @CsvSource({"skip", "Hepgor", "-", "none"})
    void optionalStepIsSkippedByAWord(String word) {
        reach(chat, "website");
        chat.send(word);
        assertThat(chat.session().orElseThrow().answers()).containsEntry("website", "");
        assertThat(chat.step()).isEqualTo("postcode");
    }

    @Test
    void optionalStepIsSkippedByTheSkipButton() {
        Reply reply = reach(chat, "website");
        assertThat(reply.choices()).contains(new Choice("a:website:-skip", "Skip"));
        chat.tap("a:website:-skip");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("website", "");
    }

    @Test
    void requiredStepCannotBeSkipped() {
        Reply reply = reach(chat, "email");
        assertThat(reply.choices()).isEmpty();
        chat.tap("a:email:-skip");
        assertThat(chat.step()).isEqualTo("email");
    }

    @Test
    void knownDetailIsOfferedAsDefaultAndUsedWhenTapped() {
        h.known.put(1L, Map.of("email", "Known@Example.org"));
        Reply reply = reach(chat, "email");
        assertThat(reply.choices()).containsExactly(new Choice("a:email:-default", "Use Known@Example.org"));
        chat.tap("a:email:-default");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("email", "known@example.org");
    }

    @Test
    void typedAnswerOverridesTheOfferedDefault() {
        h.known.put(1L, Map.of("email", "known@example.org"));
        reach(chat, "email");
        chat.send("other@example.org");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("email", "other@example.org");
    }

    @Test
    void allStepsAnsweredLeadsToTheSummaryWithEveryAnswerShown() {
        reach(chat, "consent");
        Reply summary = chat.send("yes");
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.CONFIRMING);
        assertThat(summary.text()).contains(h.en("summary.heading", "Your profile"))
                .contains("• Name: Jo Bloggs", "• Phone: 07911 123456", "• Website: https://www.example.org",
                        "• Area: North", "• Topics: Youth", "• Member: Yes", "• Event day: 2027-04-01",
                        "• Consent: Yes, I agree");
        assertThat(summary.choices()).extracting(Choice::value).containsExactly("c:confirm", "c:edit", "c:cancel");
    }

    private Step profileStep(String id) {
        List<FlowDefinition> flows = new FlowLoader().load(dir);
        return flows.stream().filter(f -> f.id().equals("profile")).findFirst().orElseThrow().step(id).orElseThrow();
    }
}
