package org.engagebot.channel.email.parse;

import org.engagebot.channel.MailAuthentication;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationResultsTest {

    private static ParsedMail parsed(String raw) {
        return ((ParseOutcome.Parsed) new MailParser().parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))).mail();
    }

    @Test
    void readsTheVerdictOfTheTopmostHeaderWhateverTheServerIsCalled() {
        ParsedMail mail = parsed("""
                Authentication-Results: mx.opcc.example;
                       dkim=fail (bad signature; body hash did not verify) header.i=@example.org header.b="ab;cd";
                       dkim=pass header.i=@mailer.example.org;
                       spf=softfail (mx.opcc.example: 203.0.113.9 is neither permitted nor denied) smtp.mailfrom=ann@example.org;
                       dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org
                Authentication-Results: forged.example; spf=pass; dkim=pass; dmarc=pass
                From: ann@example.org
                To: engage@opcc.example
                Message-ID: <a1@example.org>
                Subject: Hi

                Hello
                """);
        assertThat(AuthenticationResults.of(mail)).contains(
                new MailAuthentication("mx.opcc.example", "softfail", "pass", "fail"));
        assertThat(AuthenticationResults.of(mail, java.util.Set.of())).as("no server named: the topmost, unverified")
                .hasValueSatisfying(v -> assertThat(v.verified()).isFalse());
        assertThat(AuthenticationResults.of(mail, java.util.Set.of("mx.opcc.example"))).contains(
                new MailAuthentication("mx.opcc.example", "softfail", "pass", "fail", true));
        assertThat(AuthenticationResults.of(mail, java.util.Set.of("forged.example"))).as("only as verified as it is named")
                .hasValueSatisfying(v -> assertThat(v.server()).isEqualTo("forged.example"));
    }

    @Test
    void aServerThatCheckedNothingAndAMailWithoutTheHeader() {
        assertThat(AuthenticationResults.parse("mx.example.net 1; none")).contains(
                new MailAuthentication("mx.example.net", null, null, null));
        assertThat(AuthenticationResults.parse("mx.example.net 1; SPF=Pass smtp.mailfrom=x@y.example; dkim/1=neutral"))
                .contains(new MailAuthentication("mx.example.net", "pass", "neutral", null));
        assertThat(AuthenticationResults.of(parsed("From: a@b.example\nMessage-ID: <n@b.example>\n\nHi\n"))).isEmpty();
    }
}
