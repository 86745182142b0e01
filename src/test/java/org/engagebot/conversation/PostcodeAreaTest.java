package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The area a postcode lies in (conversations/lists/postcodes.yaml), with the shipped flows: offered first at /visit
 * after the address, with the list still there; read from a postcode typed as the area at /register.
 */
class PostcodeAreaTest {
    @TempDir
    static Path dir;
    static EngineHarness h;
    static final AtomicLong ids = new AtomicLong(700);

    @BeforeAll
    static void harness() throws IOException {
        h = new EngineHarness(dir, true);
    }

    private static EngineHarness.Chat atVisitArea(Language language, String address) {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), language);
        chat.send("/visit");
        chat.send("Helping Hands");
        chat.send("Jane Jones");
        chat.send(address);
        assertThat(chat.step()).isEqualTo("area");
        return chat;
    }

    @Test
    void theAreaOfTheAddressPostcodeIsOfferedWithTheListStillThere() {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), Language.CY);
        chat.send("/visit");
        chat.send("Cymdeithas Llanberis");
        chat.send("Gwen ap Dafydd");
        Reply reply = chat.send("Stryd Fawr, Llanberis\nLL55 4EU");
        assertThat(reply.text()).contains("Mae'r cod post LL55 yn ardal Gwynedd. Ai dyna'r ardal? Atebwch \"ie\"");
        assertThat(reply.choices().get(0)).isEqualTo(new Choice("a:area:gwynedd", "Ie, Gwynedd"));
        assertThat(reply.choices()).extracting(Choice::value).contains("a:area:anglesey", "a:area:conwy", "a:area:other");
        chat.send("ia");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "gwynedd");
        assertThat(chat.step()).isEqualTo("phone");
    }

    @Test
    void noToTheOfferedAreaAsksAgainWithoutOfferingItAgain() {
        EngineHarness.Chat chat = atVisitArea(Language.EN, "1 High Street, Bangor LL57 1AA");
        Reply reply = chat.send("no");
        assertThat(chat.step()).isEqualTo("area");
        assertThat(reply.text()).doesNotContain("LL57");
        assertThat(reply.choices()).extracting(Choice::label).doesNotContain("Yes, Gwynedd");
        chat.send("Anglesey");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "anglesey");
    }

    @Test
    void aPostcodeOutsideNorthWalesOffersOther() {
        Reply reply = atVisitArea(Language.EN, "Queen Street, Cardiff CF10 2BH").send("/help");
        assertThat(reply.text()).contains("The postcode CF10 is outside North Wales, so the answer would be \"Other\"");
        assertThat(reply.choices().get(0)).isEqualTo(new Choice("a:area:other", "Yes, Other"));
    }

    @Test
    void aSplitDistrictOrNoPostcodeOffersNothing() {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), Language.EN);
        chat.send("/visit");
        chat.send("Helping Hands");
        chat.send("Jane Jones");
        assertThat(chat.send("Castle Street, Llangollen LL20 8RU").text()).doesNotContain("postcode");
        chat.send("/back");
        assertThat(chat.send("The village hall, opposite the A55").text()).doesNotContain("postcode");
    }

    @Test
    void anAnswerOtherThanYesOrNoIsReadAsUsual() {
        EngineHarness.Chat chat = atVisitArea(Language.EN, "1 High Street, Bangor LL57 1AA");
        chat.send("Conwy");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "conwy");
    }

    @Test
    void aPostcodeTypedAsTheAreaIsOfferedBack() {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), Language.CY);
        chat.send("/register");
        chat.send("Clwb Ieuenctid");
        chat.send("Gwen");
        Reply reply = chat.send("LL18 1AA");
        assertThat(reply.text()).contains("Mae'r cod post LL18 yn ardal Sir Ddinbych");
        assertThat(chat.step()).isEqualTo("area");
        chat.send("ydy");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "denbighshire");
    }

    @Test
    void aTableValueNotInItsListStopsLoadingWithFileAndLine() throws IOException {
        Path flows = Files.createDirectories(dir.resolve("bad-table/lists"));
        Files.writeString(flows.resolve("areas.yaml"), "- {value: north, en: North, cy: Gogledd}\n- {value: south, en: South, cy: De}\n");
        Files.writeString(flows.resolve("postcodes.yaml"), "for: areas\ndistricts:\n  LL57: north\n  CF10: west\n");
        assertThatThrownBy(() -> new FlowLoader().load(flows.getParent()))
                .hasMessage("conversations/lists/postcodes.yaml:4: 'west' is not a value of conversations/lists/areas.yaml");
    }

    private static final java.util.Map<String, String> VISIT_FORM = java.util.Map.ofEntries(
            java.util.Map.entry("organisation", "Helping Hands"), java.util.Map.entry("contact_name", "Jane Jones"),
            java.util.Map.entry("address", "1 High Street, Bangor LL57 1AA"), java.util.Map.entry("area", ""),
            java.util.Map.entry("phone", "01248 383000"), java.util.Map.entry("email", "jane@example.org"),
            java.util.Map.entry("website", "none"), java.util.Map.entry("purpose", "A food bank."),
            java.util.Map.entry("community_safety", "Less crime."), java.util.Map.entry("issues", "Funding."),
            java.util.Map.entry("publicity", "yes"));

    private static FormMode formMode() {
        AnswerValidator validator = new AnswerValidator(h.messages, h.clock, new ChoiceReader(h.messages));
        return new FormMode(validator, new AnswerReader(validator, h.messages), java.util.List.of());
    }

    @Test
    void aWholeFormThatLeavesTheAreaBlankTakesItFromTheAddressPostcodeAndSaysSo() {
        FlowDefinition visit = h.flows().find("visit").orElseThrow();
        Participant jo = new Participant(ids.incrementAndGet(), "email", "jane@example.org", Language.EN, null);
        FormMode.Outcome out = formMode().fill(jo, visit, java.util.Map.of(), VISIT_FORM);
        assertThat(out.stage()).isEqualTo(FormMode.Stage.SUMMARY);
        assertThat(out.answers()).containsEntry("area", "gwynedd");
        assertThat(out.fromPostcode()).containsExactly(java.util.Map.entry("area", "LL57"));

        java.util.Map<String, String> chosen = new java.util.HashMap<>(VISIT_FORM);
        chosen.put("area", "Conwy");
        FormMode.Outcome answered = formMode().fill(jo, visit, java.util.Map.of(), chosen);
        assertThat(answered.answers()).containsEntry("area", "conwy");
        assertThat(answered.fromPostcode()).isEmpty();

        java.util.Map<String, String> noPhone = new java.util.HashMap<>(VISIT_FORM);
        noPhone.put("phone", "call me");
        FormMode.Outcome asking = formMode().fill(jo, visit, java.util.Map.of(), noPhone);
        assertThat(asking.stage()).as("filled only once nothing else is wrong").isEqualTo(FormMode.Stage.ASKING);
        assertThat(asking.missing()).extracting(Step::id).contains("area");
        assertThat(asking.suggested().get("area").en()).as("offered again beside the area question")
                .isEqualTo("The postcode LL57 is in Gwynedd: leave this answer blank to use it, or choose another area.");
        assertThat(asking.suggested().get("area").cy()).startsWith("Mae'r cod post LL57 yn ardal Gwynedd");
        assertThat(answered.suggested()).isEmpty();
    }

    @Test
    void aWebFormsAreaQuestionSaysWhereThePostcodeIsWithNothingChosen() {
        EngineHarness.Chat chat = atVisitArea(Language.CY, "Stryd Fawr, Llanberis\nLL55 4EU");
        StepViews views = new StepViews(h.sessions, h.flows(), new Prompter(h.messages, h.flows(), java.util.List.of()),
                java.util.List.of(), h.messages);
        Participant p = new Participant(chat.id, "test", "address-" + chat.id, Language.CY, null);
        StepView.Question q = views.of(p).orElseThrow().question();
        assertThat(q.hint()).isEqualTo("Mae'r cod post LL55 yn ardal Gwynedd.");
        assertThat(q.current()).isNull();
        assertThat(q.options()).extracting(Choice::value).contains("a:area:gwynedd", "a:area:conwy")
                .doesNotHaveDuplicates();
        EngineHarness.Chat other = atVisitArea(Language.EN, "Queen Street, Cardiff CF10 2BH");
        Participant q2 = new Participant(other.id, "test", "address-" + other.id, Language.EN, null);
        assertThat(views.of(q2).orElseThrow().question().hint())
                .isEqualTo("The postcode CF10 is outside North Wales, so the answer would be \"Other\".");
    }
}
