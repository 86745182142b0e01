package org.engagebot.newsletters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTest {
    private final UnsubscribeTokens tokens = new UnsubscribeTokens("test-secret-1", null);

    @Test
    void aTokenNamesTheContactItWasIssuedFor() {
        assertThat(tokens.verify(tokens.issue(12345)).getAsLong()).isEqualTo(12345);
    }

    @Test
    void alteredOrForeignTokensAreRefused() {
        String token = tokens.issue(7);
        String otherContact = Long.toString(8, 36) + token.substring(token.indexOf('.'));
        assertThat(tokens.verify(otherContact)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
        assertThat(new UnsubscribeTokens("another-secret", null).verify(token)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify("7.%%%")).isEmpty();
    }

    @Test
    void tokensAreUrlSafeAndCarryOnlyTheContactId() {
        assertThat(tokens.issue(99)).matches("[0-9a-z]+\\.[A-Za-z0-9_-]{22}");
    }
}
