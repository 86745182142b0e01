package org.engagebot.events;

import org.engagebot.conversation.Language;

/** Someone invited to an event on one channel; {@code replyToken} routes their email replies. */
record Invitee(long id, long eventId, Long contactId, String channel, String address, Language language,
               String replyToken) {
}
