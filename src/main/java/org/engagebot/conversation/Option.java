package org.engagebot.conversation;

/** One option of a choice step: a stable value stored as the answer, and its bilingual label. */
public record Option(String value, Text label) {
}
