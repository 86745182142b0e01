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
        assertThat(reply.text()).contains("Mae'r cod post LL55 yn ardal Gwynedd. Ydy hynny'n iawn?");
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
}
