package org.engagebot.consultations;

import org.engagebot.conversation.Language;

/** Someone invited to a consultation on one channel; {@code replyToken} routes their email replies. */
record Invitee(long id, long consultationId, Long contactId, String channel, String address, Language language,
               String replyToken) {
}
