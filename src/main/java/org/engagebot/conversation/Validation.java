package org.engagebot.conversation;

/** The result of reading an answer: a normalised value to store, or the reason it was not accepted. */
public sealed interface Validation {

    record Valid(String value) implements Validation {
    }

    record Invalid(Text reason) implements Validation {
    }
}
