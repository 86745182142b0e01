package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A correction naming an earlier answer, typed questions later, changes that answer and says so in the person's language. */
class NamedCorrectionTest {
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
        assertThat(chat.step()).isEqualTo(step);
        return chat;
    }

    private static String answer(EngineHarness.Chat chat, String step) {
        return chat.session().orElseThrow().answers().get(step);
    }

    @Test
    void aWelshCorrectionOfTheOrganisationSeveralQuestionsBackIsTakenAndToldInWelsh() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "consent");
        Reply reply = chat.send("sori, enw'r sefydliad yw Banc Bwyd Bangor");
        assertThat(answer(chat, "organisation")).isEqualTo("Banc Bwyd Bangor");
        assertThat(chat.step()).isEqualTo("consent");
        assertThat(reply.text()).contains("rwyf wedi newid \"Sefydliad\" i \"Banc Bwyd Bangor\"")
                .doesNotContain("I have changed");
    }

    @Test
    void anEnglishCorrectionOfTheAreaThreeQuestionsBackIsTaken() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "website");
        Reply reply = chat.send("oops, the area is Wrexham not Gwynedd");
        assertThat(answer(chat, "area")).isEqualTo("wrexham");
        assertThat(chat.step()).isEqualTo("website");
        assertThat(reply.text()).contains("I have changed \"Areas\" to \"Wrexham\"");
    }

    @Test
    void aWelshCleftNamesTheAreaAfterTheValue() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "phone");
        chat.send("sori, Conwy ddylai'r ardal fod");
        assertThat(answer(chat, "area")).isEqualTo("conwy");
        assertThat(chat.step()).isEqualTo("phone");
    }

    @Test
    void sayingAnEarlierAnswerIsWrongWithoutANewOneChangesNothing() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "consent");
        chat.send("sorry, the organisation name is wrong");
        assertThat(answer(chat, "organisation")).isEqualTo("Helping Hands");
        chat.send("actually, what is the email for?");
        assertThat(answer(chat, "email")).isEqualTo("jane@example.org");
        assertThat(chat.step()).isEqualTo("consent");
    }

    @Test
    void aWordInsideAWebAddressNamesNoAnswer() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "newsletter");
        chat.send("oh, the website is www.bangorfoodbank.org");
        assertThat(answer(chat, "website")).isEqualTo("https://www.bangorfoodbank.org");
        assertThat(answer(chat, "organisation")).isEqualTo("Helping Hands");
    }

    @Test
    void aStrongNoIsNeverReadAsYes() {
        EngineHarness.Chat chat = registerUpTo(Language.EN, "newsletter");
        chat.send("absolutely not");
        assertThat(answer(chat, "newsletter")).isEqualTo("no");
    }

    @Test
    void aSummarySentenceNamingAnAnswerInItsMutatedFormGoesStraightToIt() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "newsletter");
        chat.send("hoffwn");
        Reply asked = chat.send("Dwi isio newid y wefan");
        assertThat(chat.step()).isEqualTo("website");
        assertThat(asked.text()).contains("Beth yw gwefan eich sefydliad?");
    }

    @Test
    void theEditMenuSaysHowToDoSomethingElseInstead() {
        EngineHarness.Chat chat = registerUpTo(Language.CY, "newsletter");
        chat.send("hoffwn");
        Reply menu = chat.send("Newid ateb");
        assertThat(menu.text()).contains("Pa ateb hoffech chi ei newid?", "/dewislen").doesNotContain("/menu");
    }
}
