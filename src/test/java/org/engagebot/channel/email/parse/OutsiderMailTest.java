package org.engagebot.channel.email.parse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies as outsiders' mail clients wrote them (session 8, written before running): Welsh Outlook and Gmail quote
 * headers, Outlook's HTML-only reply with its header block, a body declared UTF-8 in Latin-1 bytes, and a reply whose
 * new text is only in the quoted part's header. Each must come out as the person's own words.
 */
class OutsiderMailTest {
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    private static ParsedMail parsed(byte[] raw) {
        return ((ParseOutcome.Parsed) new MailParser().parse(raw)).mail();
    }

    private static byte[] crlf(String s, java.nio.charset.Charset cs) {
        return s.replace("\n", "\r\n").getBytes(cs);
    }

    @Test
    void welshGmailHeaderWithTheDayNamed() {
        assertThat(trimmer.trim("Ydw, rwy'n cytuno.\n\nAr ddydd Llun, 30 Tach 2026 am 10:15, Swyddfa'r Comisiynydd "
                + "<engage@opcc.example> ysgrifennodd:\n> Ydych chi'n cytuno?\n")).isEqualTo("Ydw, rwy'n cytuno.");
    }

    @Test
    void welshGmailHeaderWrappedOverTwoLines() {
        assertThat(trimmer.trim("Byddaf yno.\n\nAr ddydd Mawrth, 1 Rhag 2026 am 09:00, Swyddfa'r Comisiynydd <\n"
                + "engage@opcc.example> ysgrifennodd:\n\n> A fyddwch chi'n dod?\n")).isEqualTo("Byddaf yno.");
    }

    @Test
    void welshOutlookHeaderBlock() {
        String body = "Diolch, dyma'r manylion.\n\n________________________________\nOddi wrth: Swyddfa'r Comisiynydd "
                + "<engage@opcc.example>\nAnfonwyd: 30 Tachwedd 2026 10:15\nAt: Siân <sian@tai.example>\n"
                + "Pwnc: Ymgynghoriad\n\nTestun gwreiddiol\n";
        assertThat(trimmer.trim(body)).isEqualTo("Diolch, dyma'r manylion.");
    }

    @Test
    void outlookHtmlOnlyReplyKeepsOnlyTheNewText() {
        String html = "<html><body><div>Yes, the park path needs lights.</div><div><br></div>"
                + "<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
                + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\">"
                + "<b>From:</b> OPCC &lt;engage+c-abc@opcc.example&gt;<br><b>Sent:</b> 30 November 2026 10:15<br>"
                + "<b>To:</b> Ann &lt;ann@example.org&gt;<br><b>Subject:</b> Park lights</font><div>&nbsp;</div></div>"
                + "<div>Where do you feel unsafe?</div></body></html>";
        String raw = "From: Ann <ann@example.org>\nTo: engage+c-abc@opcc.example\nSubject: RE: Park lights\n"
                + "Message-ID: <o1@example.org>\nMIME-Version: 1.0\nContent-Type: text/html; charset=\"utf-8\"\n\n" + html + "\n";
        ParsedMail mail = parsed(crlf(raw, StandardCharsets.UTF_8));
        assertThat(trimmer.trim(mail.textBody())).isEqualTo("Yes, the park path needs lights.");
    }

    @Test
    void aBodyDeclaredUtf8InLatin1BytesKeepsItsAccents() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(crlf("From: Gwen <gwen@example.org>\nTo: engage@opcc.example\nSubject: Re: Ymgynghoriad\n"
                + "Message-ID: <l1@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: 8bit\n\n", StandardCharsets.US_ASCII));
        out.write(crlf("Rydw i'n cytuno â'r cynllun, ond mae'r caffi ar gau ar ôl 6.\n", StandardCharsets.ISO_8859_1));
        ParsedMail mail = parsed(out.toByteArray());
        assertThat(mail.textBody()).contains("cytuno â'r cynllun", "ar ôl 6").doesNotContain("\uFFFD");
    }

    @Test
    void aQuotedPrintableWelshReplyWithSoftBreaks() {
        String raw = "From: Gwen <gwen@example.org>\nTo: engage@opcc.example\nSubject: Re: Ymgynghoriad\n"
                + "Message-ID: <q1@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nMae'r llwybr ger y parc yn dywyll iawn yn y gaeaf, ac m=\n"
                + "ae angen goleuadau ar Stryd y Ffynnon hefyd. Diolch am ofyn =E2=80=94 Gwen\n\n"
                + "Ar ddydd Llun, 30 Tach 2026 am 10:15, Swyddfa <engage@opcc.example> ysgrifennodd:\n> Ble?\n";
        String text = trimmer.trim(parsed(crlf(raw, StandardCharsets.US_ASCII)).textBody());
        assertThat(text).contains("ac mae angen goleuadau", "Diolch am ofyn — Gwen").doesNotContain("ysgrifennodd");
    }

    @Test
    void anIphoneWelshSignatureIsNotTheAnswer() {
        assertThat(trimmer.trim("Na fyddaf, mae'n ddrwg gen i.\n\nAnfonwyd o fy iPhone\n\n"
                + "> Ar 30 Tach 2026, am 10:15, ysgrifennodd Swyddfa <engage@opcc.example>:\n> A fyddwch chi'n dod?\n"))
                .isEqualTo("Na fyddaf, mae'n ddrwg gen i.");
    }
}
