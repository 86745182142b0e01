package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTrimmerTest {

    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @Test
    void removesEnglishOnWroteHeaderAndQuote() {
        assertThat(trimmer.trim("Yes, count me in.\n\nOn Mon, 2 Nov 2026 at 10:00, OPCC <engage@opcc.example> wrote:\n> Will you come?\n"))
                .isEqualTo("Yes, count me in.");
    }

    @Test
    void removesWelshOnWroteHeader() {
        assertThat(trimmer.trim("Byddaf yno.\n\nAr 2 Tach 2026, am 10:00, ysgrifennodd OPCC <engage@opcc.example>:\n> A fyddwch chi'n dod?\n"))
                .isEqualTo("Byddaf yno.");
    }

    @Test
    void removesFrenchHeaderWrappedOverLines() {
        assertThat(trimmer.trim("D'accord.\n\nLe 2 nov. 2026 à 10:00, OPCC\n<engage@opcc.example> a écrit :\n\n> Bonjour\n"))
                .isEqualTo("D'accord.");
    }

    @Test
    void removesGermanAndDutchHeaders() {
        assertThat(trimmer.trim("Ja.\n\nAm 02.11.2026 um 10:00 schrieb OPCC <engage@opcc.example>:\n> Hallo\n")).isEqualTo("Ja.");
        assertThat(trimmer.trim("Ja.\n\nOp 2 nov. 2026 om 10:00 schreef OPCC <engage@opcc.example>:\n> Hallo\n")).isEqualTo("Ja.");
    }

    @Test
    void removesOutlookHeaderBlock() {
        String body = "Thanks, see attached.\n\n________________________________\nFrom: OPCC <engage@opcc.example>\n"
                + "Sent: 02 November 2026 10:00\nTo: Ann <ann@example.org>\nSubject: Visit\n\nOriginal text\n";
        assertThat(trimmer.trim(body)).isEqualTo("Thanks, see attached.");
    }

    @Test
    void removesWelshOutlookHeaderBlock() {
        String body = "Diolch.\n\nOddi wrth: OPCC <engage@opcc.example>\nAnfonwyd: 02 Tachwedd 2026 10:00\n"
                + "At: Ann <ann@example.org>\nPwnc: Ymweliad\n\nTestun gwreiddiol\n";
        assertThat(trimmer.trim(body)).isEqualTo("Diolch.");
    }

    @Test
    void removesOriginalMessageSeparator() {
        assertThat(trimmer.trim("Fine by me.\n\n-----Original Message-----\nFrom: x@example.org\nhello\n"))
                .isEqualTo("Fine by me.");
    }

    @Test
    void removesMobileSignaturesInSeveralLanguages() {
        assertThat(trimmer.trim("Yes\n\nSent from my iPhone")).isEqualTo("Yes");
        assertThat(trimmer.trim("Iawn\n\nAnfonwyd o fy iPhone")).isEqualTo("Iawn");
        assertThat(trimmer.trim("Iawn\n\nAnfonwyd o’m iPad")).isEqualTo("Iawn");
        assertThat(trimmer.trim("Diolch\n\nCael Outlook ar gyfer Android")).isEqualTo("Diolch");
        assertThat(trimmer.trim("Oui\n\nEnvoyé de mon iPhone")).isEqualTo("Oui");
        assertThat(trimmer.trim("Ja\n\nVon meinem iPhone gesendet")).isEqualTo("Ja");
        assertThat(trimmer.trim("Yes\n\nGet Outlook for iOS")).isEqualTo("Yes");
    }

    @Test
    void removesSignatureAfterDashDashDelimiter() {
        assertThat(trimmer.trim("See you there.\n\n-- \nAnn Jones\nCommunity Trust\n")).isEqualTo("See you there.");
    }

    @Test
    void keepsInterleavedAnswersAndQuoteOnlyMessages() {
        assertThat(trimmer.trim("> Will you come?\nYes\n> Which day?\nTuesday"))
                .isEqualTo("> Will you come?\nYes\n> Which day?\nTuesday");
        assertThat(trimmer.trim("> only a quote")).isEqualTo("> only a quote");
    }

    @Test
    void trimQuotesKeepsSignatures() {
        assertThat(trimmer.trimQuotes("Hello\n\nSent from my iPhone\n\nOn 3 Apr 2012, at 16:19, bob <bob@example.com> wrote:\n\n> Hi"))
                .isEqualTo("Hello\n\nSent from my iPhone");
    }

    @Test
    void returnsEmptyForBlankInput() {
        assertThat(trimmer.trim(null)).isEmpty();
        assertThat(trimmer.trim("  \n\n")).isEmpty();
    }
}
