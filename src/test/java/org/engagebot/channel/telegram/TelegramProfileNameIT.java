package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram profile's first name is whatever its owner typed, unverified like an email's display name: it is never
 * kept, so staff never read it as the sender's name (they see the chat id, or the contact once the chat is linked).
 */
class TelegramProfileNameIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeBotApi telegram;
    private TestService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
        telegram.close();
    }

    @Test
    void aProfileNameIsNeverShownToStaffAsTheSendersName() throws Exception {
        long chat = 9417;
        telegram.userProfile(chat, "Chief Constable", "not_the_chief", "en");
        telegram.say(chat, "/start", "English", WAIT);
        telegram.tap(chat, "l:en", "What would you like to do?", WAIT);
        telegram.say(chat, "The street lights on High Street have been out for weeks.", "send your message", WAIT);
        telegram.tap(chat, "c:confirm", "reference #", WAIT);

        String enquiries = service.get("/api/enquiries?status=open").body();
        JsonNode sender = JSON.readTree(enquiries).get(0).get("sender");
        assertThat(sender.get("address").asText()).isEqualTo(Long.toString(chat));
        assertThat(enquiries).as("staff API").doesNotContain("Chief Constable");
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM participant WHERE channel = 'telegram' "
                + "AND display_name IS NOT NULL")).as("not kept at all").isZero();
    }
}
