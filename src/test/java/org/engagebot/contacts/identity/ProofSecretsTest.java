package org.engagebot.contacts.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProofSecretsTest {
    private final ProofSecrets secrets = secrets("a server secret");

    @Test
    void codesAreSixDigitsIncludingLeadingZeros() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = secrets.newCode();
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).as("drawn at random, not a sequence").hasSizeGreaterThan(1990);
    }

    @Test
    void aStoredCodeIsBoundToItsProofAndToTheServerSecret() {
        String hash = secrets.codeHash(7, "123456");
        assertThat(hash).hasSize(64).doesNotContain("123456");
        assertThat(ProofSecrets.same(hash, secrets.codeHash(7, "123456"))).isTrue();
        assertThat(ProofSecrets.same(hash, secrets.codeHash(8, "123456"))).as("another proof's row").isFalse();
        assertThat(ProofSecrets.same(hash, secrets.codeHash(7, "123457"))).isFalse();
        assertThat(ProofSecrets.same(hash, secrets("another secret").codeHash(7, "123456")))
                .as("a copy of the database alone cannot check codes").isFalse();
        assertThat(ProofSecrets.same(hash, null)).isFalse();
    }

    @Test
    void linkTokensAre256BitsAndTheirKindsDoNotMix() {
        String token = secrets.newToken();
        assertThat(ProofSecrets.looksLikeToken(token)).isTrue();
        assertThat(secrets.newToken()).isNotEqualTo(token);
        assertThat(secrets.tokenHash("link", token)).isNotEqualTo(secrets.tokenHash("deny", token));
        assertThat(ProofSecrets.looksLikeToken("../../etc")).isFalse();
        assertThat(secrets.addressKey("jane@example.org")).doesNotContain("jane").hasSize(64);
    }

    private static ProofSecrets secrets(String secret) {
        return new ProofSecrets(new IdentitySettings(Duration.ofMinutes(15), 5, 5, Duration.ofDays(7),
                Duration.ofDays(30), secret, 10), null);
    }
}
