package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped flows as people use them: Welsh answer words, "Did you mean…?", no lost work, free text to the office. */
class NaturalConversationTest {
    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EngineHarness(dir, true);
    }

    private EngineHarness.Chat registerUpTo(Language language, String step) {
        EngineHarness.Chat chat = h.chat(1, language);
        chat.send("/register");
        String[] answers = {"Helping Hands", "Jane Jones", "Gwynedd", "jane@example.org", "01248 383000", "none",
                "We help.", "yes", "yes"};
        String[] steps = {"organisation", "contact_name", "area", "email", "phone", "website", "description", "consent",
                "newsletter"};
        for (int i = 0; i < steps.length && !steps[i].equals(step); i++) {
            chat.send(answers[i]);
        }
        return chat;
    }

    @Test
    void welshYesNoButtonsAndSummaryAnswerWithTheQuestionsVerb() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "newsletter");
        Reply asked = chat.send("/cymorth");
        assertThat(asked.choices()).extracting(Choice::label).containsExactly("Hoffwn", "Na hoffwn");
        Reply summary = chat.send("na hoffwn, diolch");
        assertThat(summary.text()).contains("• Cylchlythyr chwarterol: Na hoffwn", "• Caniatâd i gysylltu: Ydw, rwy'n cytuno",
                "• Ffôn: 01248 383000", "• Gwefan: (wedi'i hepgor)");
    }

    @Test
    void aPhoneExtensionIsKeptAndShownInEachLanguage() {
        EngineHarness.Chat cy = registerUpTo(Language.CY, "phone");
        cy.send("01248 123456 estyniad 22");
        cy.send("@eingrwp ar Instagram");
        cy.send("Rydym yn helpu.");
        cy.send("ydw");
        Reply cySummary = cy.send("hoffwn");
        assertThat(cySummary.text()).contains("• Ffôn: 01248 123456 est. 22", "• Gwefan: https://www.instagram.com/eingrwp");
        EngineHarness.Chat en = h.chat(2, Language.EN);
        en.send("/register");
        for (String a : new String[]{"Helping Hands", "Jane Jones", "Gwynedd", "jane@example.org", "01248 123456 ext 22",
                "we only have a facebook page", "We help.", "yes"}) {
            en.send(a);
        }
        assertThat(en.send("yes").text()).contains("• Phone: 01248 123456 ext. 22", "• Website: (skipped)");
    }

    @Test
    void theVerbIsReadFromTheWelshQuestion() {
        assertThat(AnswerWords.verbOf("Hoffech chi dderbyn y cylchlythyr?")).isEqualTo("hoffi");
        assertThat(AnswerWords.verbOf("Weithiau rydym yn sôn. A gaiff y swyddfa sôn am eich ymweliad yn gyhoeddus?"))
                .isEqualTo("cael-caiff");
        assertThat(AnswerWords.verbOf("A fyddai'n well gennych chi hynny?")).isEqualTo("bod-byddai");
        assertThat(AnswerWords.verbOf("A oes gennych wefan?")).isEqualTo("bod-oes");
        assertThat(AnswerWords.verbOf("Ydych chi'n siŵr?")).isEqualTo("bod-ydych");
        assertThat(AnswerWords.verbOf("Beth yw eich enw?")).isNull();
        FlowDefinition visit = h.flows().find("visit").orElseThrow();
        assertThat(AnswerWords.of(visit.step("publicity").orElseThrow().type(), h.messages).yes().cy()).isEqualTo("Caiff");
    }

    @Test
    void aRefusedRequiredConsentEndsKindlyAndKeepsNothing() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "consent");
        Reply reply = chat.send("No, I don't agree");
        assertThat(reply.text()).contains(h.en("consent.declined", "register", "cofrestru"), h.en("menu.heading"));
        assertThat(chat.session()).isEmpty();
        assertThat(h.completions).isEmpty();
    }

    @Test
    void aLikelyAreaIsOfferedAndATypedYesTakesIt() {
        h.chat(1, Language.EN).send("/visit");
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        chat.answers("Helping Hands", "Jane Jones", "1 High Street");
        Reply asked = chat.send("Gwyneth");
        assertThat(asked.text()).contains(h.messages.get("query.did-you-mean").en().formatted("Gwynedd"));
        assertThat(asked.choices()).extracting(Choice::value).containsExactly("a:area:gwynedd");
        chat.send("yes");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "gwynedd");
        assertThat(chat.step()).isEqualTo("phone");
    }

    @Test
    void anAmbiguousAreaIsAskedAboutWithBothAsButtons() {
        EngineHarness.Chat chat = h.chat(1, Language.CY);
        chat.send("/visit");
        chat.answers("Helping Hands", "Jane Jones", "1 Stryd Fawr");
        Reply asked = chat.send("Conwy neu Sir Ddinbych");
        assertThat(asked.text()).contains("Pa un oeddech chi'n ei olygu: Conwy neu Sir Ddinbych?");
        assertThat(chat.tap("a:area:denbighshire")).isNotNull();
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "denbighshire");
    }

    @Test
    void anOrganisationCanWorkInSeveralAreas() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "area");
        chat.send("Ynys Mon, Gwynedd a Chonwy");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "anglesey,conwy,gwynedd");
    }

    @Test
    void welshBackCommandIsTakenWithOrWithoutItsAccent() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "phone");
        chat.send("/nôl");
        assertThat(chat.step()).isEqualTo("email");
        chat.send("sian@example.org");
        chat.send("/yn-ôl");
        assertThat(chat.step()).isEqualTo("email");
    }

    @Test
    void anUnknownCommandMidFlowKeepsTheFlowAndSaysHowToGoOn() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "phone");
        Reply reply = chat.send("/nonsense");
        assertThat(reply.text()).contains(h.en("command.unknown-in-flow", "nonsense", "Register your organisation", ""),
                "What phone number can we reach you on?");
        assertThat(chat.step()).isEqualTo("phone");
        assertThat(chat.session().orElseThrow().answers()).containsKeys("organisation", "contact_name", "area", "email");
    }

    @Test
    void startingAnotherFlowWithAnswersHeldAsksFirstAndNoKeepsThem() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "phone");
        Reply asked = chat.send("/visit");
        assertThat(asked.text()).contains("You are part-way through \"Register your organisation\"");
        assertThat(asked.choices()).extracting(Choice::value).containsExactly("k:leave", "k:stay");
        Reply kept = chat.send("no");
        assertThat(kept.text()).contains(h.en("leave.stayed"), "What phone number");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("register");
        chat.send("/visit");
        chat.tap("k:leave");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("visit");
    }

    @Test
    void typingANumberAtTheSummaryNeverCancelsSilently() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "done");
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.CONFIRMING);
        Reply asked = chat.send("3");
        assertThat(asked.text()).contains("Stop \"Register your organisation\"?");
        Reply back = chat.send("No");
        assertThat(back.text()).contains(h.en("summary.question"));
        assertThat(chat.send("Change an answer").text()).contains(h.en("summary.which"));
        assertThat(chat.send("phone number").text()).contains("What phone number");
    }

    @Test
    void freeTextOutsideAFlowIsOfferedToTheOfficeAndGreetingsGetTheMenu() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        assertThat(chat.send("hello").text()).contains(h.en("menu.heading"));
        assertThat(chat.session()).isEmpty();
        Reply offered = chat.send("Our street lights have been out for weeks, who can help?");
        assertThat(offered.text()).contains("I can send your message to the staff", "• Your message: Our street lights");
        assertThat(offered.choices()).extracting(Choice::value).containsExactly("c:confirm", "c:edit", "c:cancel");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().flow().id()).isEqualTo("message");
        assertThat(h.onlyCompletion().answers()).containsEntry("message", "Our street lights have been out for weeks, who can help?");
    }

    @Test
    void aMenuButtonsLabelTypedStartsItsFlow() {
        EngineHarness.Chat chat = h.chat(1, Language.CY);
        assertThat(chat.send("anfon neges at y swyddfa").text()).contains("Beth hoffech chi ei ddweud wrth y swyddfa");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("message");
    }

    @Test
    void theUseButtonsLabelTypedTakesTheKnownDetail() {
        h.known.put(1L, java.util.Map.of("organisation", "Wrexham Food Bank"));
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        chat.send("/visit");
        chat.send("use wrexham food bank");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("organisation", "Wrexham Food Bank");
    }

    @Test
    void carryOnTypedAfterAReminderAsksTheQuestionAgainInsteadOfAnsweringIt() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "contact_name");
        assertThat(chat.send("carry on").text()).contains(h.en("continue.resumed"), "Who is the contact person?");
        assertThat(chat.session().orElseThrow().answers()).doesNotContainKey("contact_name");
    }

    @Test
    void theOfficeIsNamedAsConfigured() {
        assertThat(h.messages.get("welcome").cy()).contains("Comisiynydd Heddlu a Throsedd Gogledd Cymru");
        assertThat(h.flows().find("register").orElseThrow().intro().en())
                .contains("the office of the North Wales Police and Crime Commissioner");
        Messages renamed = new Messages(java.util.List.of(), new OfficeName("Test Office", "Swyddfa Prawf"));
        assertThat(renamed.get("welcome").in(Language.EN)).contains("Test Office").doesNotContain("{office}");
        assertThat(renamed.get("welcome").in(Language.CY)).contains("Swyddfa Prawf");
    }

    @Test
    void aChangeAtTheSummaryThatNamesAnAnswerGoesStraightToIt() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "newsletter");
        chat.send("Hoffwn");
        Reply reply = chat.send("Mae angen newid y ffôn");
        assertThat(chat.step()).isEqualTo("phone");
        assertThat(reply.text()).contains("Ar ba rif ffôn");
        chat.send("01248 383001");
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.CONFIRMING);
        EngineHarness.Chat vague = h.chat(2, Language.EN);
        vague.send("/register");
        for (String a : new String[] {"Helping Hands", "Jane Jones", "Gwynedd", "jane@example.org", "01248 383000",
                "none", "We help.", "yes", "yes"}) {
            vague.send(a);
        }
        vague.send("something is wrong");
        assertThat(vague.session().orElseThrow().mode()).isEqualTo(Session.Mode.CHOOSING_EDIT);
    }
}
