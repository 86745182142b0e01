package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram profile's first name is whatever its owner typed, unverified like an email's display name: it is never
 * kept, so staff never read it as the sender's name (they see the chat id, or the contact once the chat is linked).
 */
class TelegramProfileNameIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();

    @Test
    void aProfileNameIsNeverShownToStaffAsTheSendersName() throws Exception {
        long chat = 9417;
        bot.telegram().userProfile(chat, "Chief Constable", "not_the_chief", "en");
        bot.say(chat, "/start", "English");
        bot.tap(chat, "l:en", "What would you like to do?");
        bot.say(chat, "The street lights on High Street have been out for weeks.", "send your message");
        bot.tap(chat, "c:confirm", "reference #");

        String enquiries = bot.get("/api/enquiries?status=open").body();
        JsonNode sender = JSON.readTree(enquiries).get(0).get("sender");
        assertThat(sender.get("address").asText()).isEqualTo(Long.toString(chat));
        assertThat(enquiries).as("staff API").doesNotContain("Chief Constable");
        assertThat(bot.bean(Db.class).count("SELECT count(*) FROM participant WHERE channel = 'telegram' "
                + "AND display_name IS NOT NULL")).as("not kept at all").isZero();
    }
}
