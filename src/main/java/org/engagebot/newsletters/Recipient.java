package org.engagebot.newsletters;

import org.engagebot.conversation.Language;

/** One delivery of a newsletter: a contact on one channel; {@code language} null means both, Welsh first. */
record Recipient(long contactId, String channel, String address, Language language) {
}
