package org.engagebot.enquiries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Raising an issue: free text on Telegram goes to the office; staff read it, reply in the sender's language, close it. */
class EnquiriesIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.enquiries.staff-email", "desk@opcc.example");

    @Test
    void aMessageTypedOutsideAFormReachesStaffAndTheirReplyComesBackInWelsh() throws Exception {
        long chat = 9201;
        bot.telegram().userProfile(chat, "Gwen", "gwen_b", "cy");
        bot.say(chat, "/start", "Gymraeg neu yn Saesneg");
        bot.tap(chat, "l:cy", "Beth hoffech chi ei wneud?");
        assertThat(bot.say(chat, "shwmae", "Beth hoffech chi ei wneud?").text()).doesNotContain("Eich neges");
        SentMessage offered = bot.telegram().say(chat, "Mae goleuadau'r stryd wedi diffodd ers wythnosau. Pwy all helpu?",
                "gallaf anfon eich neges", WAIT);
        assertThat(offered.text()).contains("Eich neges: Mae goleuadau'r stryd");
        SentMessage ack = bot.tap(chat, "c:confirm", "cyfeirnod #");
        assertThat(ack.text()).contains("Comisiynydd Heddlu a Throsedd Gogledd Cymru");

        JsonNode open = JSON.readTree(bot.get("/api/enquiries?status=open").body());
        assertThat(open).hasSize(1);
        JsonNode enquiry = open.get(0);
        long id = enquiry.get("id").asLong();
        assertThat(enquiry.get("text").asText()).isEqualTo("Mae goleuadau'r stryd wedi diffodd ers wythnosau. Pwy all helpu?");
        assertThat(enquiry.get("channel").asText()).isEqualTo("telegram");
        assertThat(enquiry.get("language").asText()).isEqualTo("cy");
        assertThat(enquiry.get("sender").get("address").asText()).isEqualTo(Long.toString(chat));
        String staffMail = bot.bean(Db.class).one("SELECT payload FROM outbox WHERE channel = 'email' AND address = ?",
                rs -> rs.getString(1), "desk@opcc.example").orElseThrow(() -> new AssertionError("staff not told"));
        assertThat(staffMail).as("reference and console link, never the message or the sender")
                .contains("#" + id, "/console/enquiries#e" + id).doesNotContain("goleuadau", "Gwen", Long.toString(chat));

        assertThat(bot.postJson("/api/enquiries/" + id + "/reply", "{\"text\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(bot.postJson("/api/enquiries/999999/reply", "{\"text\": \"Helo\"}").statusCode()).isEqualTo(404);
        var replied = bot.postJson("/api/enquiries/" + id + "/reply",
                "{\"text\": {\"en\": \"The council fixes street lights.\", \"cy\": \"Y cyngor sy'n trwsio goleuadau stryd.\"}}");
        assertThat(replied.statusCode()).isEqualTo(200);
        SentMessage reply = bot.awaitMessage(chat, m -> m.text().contains("Ateb gan y swyddfa"));
        assertThat(reply.text()).contains("#" + id, "Y cyngor sy'n trwsio goleuadau stryd.").doesNotContain("The council");
        assertThat(JSON.readTree(replied.body()).get("status").asText()).isEqualTo("replied");
        assertThat(JSON.readTree(replied.body()).get("replies").get(0).get("staff").asText()).isEqualTo("admin");

        assertThat(bot.postJson("/api/enquiries/" + id + "/close", "{}").statusCode()).isEqualTo(200);
        assertThat(bot.postJson("/api/enquiries/" + id + "/close", "{}").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(bot.get("/api/enquiries?status=closed").body())).hasSize(1);
        assertThat(bot.get("/api/enquiries?status=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void aSenderWhoAskedToBeForgottenTakesTheirMessagesWithThem() throws Exception {
        long chat = 9202;
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        bot.say(chat, "/message", "What would you like to tell the office");
        bot.say(chat, "Please call me about the panel.", "Please check your answers");
        bot.tap(chat, "c:confirm", "reference #");
        assertThat(JSON.readTree(bot.get("/api/enquiries").body())).hasSize(1);
        bot.say(chat, "/forget", "Are you sure");
        bot.say(chat, "yes", "deleted");
        assertThat(JSON.readTree(bot.get("/api/enquiries").body())).isEmpty();
    }
}
