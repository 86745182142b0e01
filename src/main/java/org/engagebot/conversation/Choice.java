package org.engagebot.conversation;

/** An answer offered with a reply: a button on Telegram, a numbered line in the terminal or an email. */
public record Choice(String value, String label) {
}
