package org.engagebot.channel.email.parse;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Replies as today's mail clients write them, built here with Jakarta Mail (not copied from any corpus): each
 * with the words its sender wrote now, which is all a consultation response should keep.
 */
final class ClientReplies {

    static final String BOT = "Engagebot Consultations <engage@opcc.example>";
    static final String INVITATION = "Which streets feel unsafe after dark?\n\nReply to this email with your views.\n"
            + "Reference: CON-2026-07";

    record Reply(String name, byte[] raw, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ClientReplies() {
    }

    static List<Reply> all() throws Exception {
        List<Reply> all = new ArrayList<>();
        String outlookHeaders = "From: " + BOT + "\nSent: Monday, November 2, 2026 10:12 AM\nTo: Megan Lloyd "
                + "<megan@example.net>\nSubject: Street lighting (CON-2026-07)\n\n";
        all.add(new Reply("outlook desktop, windows-1252 quoted-printable, plain and HTML",
                alternative("windows-1252", "quoted-printable",
                        "I\u2019d say Station Road \u2013 the underpass is pitch black.\n\nRegards,\nMegan\n\n"
                                + "________________________________\n" + outlookHeaders + INVITATION,
                        "<html><body><div>I\u2019d say Station Road \u2013 the underpass is pitch black.</div><div><br></div>"
                                + "<div>Regards,</div><div>Megan</div><div id=\"appendonsend\"></div><hr tabindex=\"-1\">"
                                + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Engagebot "
                                + "Consultations &lt;engage@opcc.example&gt;<br><b>Sent:</b> Monday, November 2, 2026 "
                                + "10:12 AM<br><b>To:</b> Megan Lloyd &lt;megan@example.net&gt;<br><b>Subject:</b> Street "
                                + "lighting (CON-2026-07)</font><div>&nbsp;</div></div><div>" + html(INVITATION)
                                + "</div></body></html>"),
                "I\u2019d say Station Road \u2013 the underpass is pitch black.\n\nRegards,\nMegan"));
        all.add(new Reply("outlook on the web, HTML only",
                single("text/html", "utf-8", "quoted-printable",
                        "<html><head><style>p{margin:0}</style></head><body dir=\"ltr\"><div style=\"font-family: "
                                + "Aptos\">Church Lane, by the school.</div><div id=\"appendonsend\"></div>"
                                + "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" "
                                + "dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\"><b>From:</b> "
                                + "Engagebot Consultations &lt;engage@opcc.example&gt;<br><b>Sent:</b> 02 November 2026 "
                                + "10:12<br><b>To:</b> Megan Lloyd<br><b>Subject:</b> Street lighting</font><div>&nbsp;"
                                + "</div></div><div><p>" + html(INVITATION) + "</p></div></body></html>"),
                "Church Lane, by the school."));
        all.add(new Reply("gmail, 'On … wrote:' wrapped over two lines",
                alternative("utf-8", "quoted-printable",
                        "Mill Street, the lamps have been out since October.\n\nOn Mon, 2 Nov 2026 at 10:12, Engagebot "
                                + "Consultations <\nengage@opcc.example> wrote:\n\n" + quote(INVITATION) + "\n",
                        "<div dir=\"ltr\">Mill Street, the lamps have been out since October.</div><br><div "
                                + "class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, "
                                + "2 Nov 2026 at 10:12, Engagebot Consultations &lt;<a href=\"mailto:engage@opcc.example\">"
                                + "engage@opcc.example</a>&gt; wrote:<br></div><blockquote class=\"gmail_quote\" style="
                                + "\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)\">" + html(INVITATION)
                                + "</blockquote></div>"),
                "Mill Street, the lamps have been out since October."));
        all.add(new Reply("gmail, HTML only",
                single("text/html", "utf-8", "base64",
                        "<div dir=\"ltr\">The bus station.<div><br></div><div>Thanks,</div><div>Dai</div></div><br>"
                                + "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 2 Nov 2026 at "
                                + "10:12, Engagebot Consultations &lt;engage@opcc.example&gt; wrote:<br></div><blockquote "
                                + "class=\"gmail_quote\">" + html(INVITATION) + "</blockquote></div>"),
                "The bus station.\n\nThanks,\nDai"));
        all.add(new Reply("apple mail, HTML only, blockquote type=cite",
                single("text/html", "utf-8", "quoted-printable",
                        "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head><body "
                                + "style=\"overflow-wrap: break-word;\">The footpath behind Tesco.<br id=\"lineBreakAtBeginningOfSignature\">"
                                + "<div><br><blockquote type=\"cite\"><div>On 2 Nov 2026, at 10:12, Engagebot Consultations "
                                + "&lt;engage@opcc.example&gt; wrote:</div><br class=\"Apple-interchange-newline\"><div><div>"
                                + html(INVITATION) + "</div></div></blockquote></div><br></body></html>"),
                "The footpath behind Tesco."));
        all.add(new Reply("thunderbird, format=flowed plain and moz-cite-prefix HTML",
                alternativeRaw("text/plain; charset=UTF-8; format=flowed",
                        "The lane past the allotments is very dark and the hedges have grown right \nover the "
                                + "only lamp.\n\nOn 02/11/2026 10:12, Engagebot Consultations wrote:\n" + quote(INVITATION) + "\n",
                        "<p>The lane past the allotments is very dark and the hedges have grown right over the only "
                                + "lamp.</p><div class=\"moz-cite-prefix\">On 02/11/2026 10:12, Engagebot Consultations "
                                + "wrote:<br></div><blockquote type=\"cite\" cite=\"mid:abc@opcc.example\">"
                                + html(INVITATION) + "</blockquote>"),
                "The lane past the allotments is very dark and the hedges have grown right over the only lamp."));
        all.add(new Reply("iphone, 'Sent from my iPhone' then quote",
                single("text/plain", "utf-8", "quoted-printable", "Outside the Co-op.\n\nSent from my iPhone\n\n"
                        + "> On 2 Nov 2026, at 10:12, " + BOT + " wrote:\n> \n" + quote(INVITATION) + "\n"),
                "Outside the Co-op."));
        all.add(new Reply("outlook for android, HTML only",
                single("text/html", "utf-8", "base64", "<html><body><div dir=\"auto\">Near the leisure centre.</div>"
                        + "<div dir=\"auto\"><br></div><div id=\"ms-outlook-mobile-signature\" dir=\"auto\">Get "
                        + "<a href=\"https://aka.ms/AAb9ysg\">Outlook for Android</a></div><hr style=\"display:inline-block;"
                        + "width:98%\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font><b>From:</b> Engagebot Consultations "
                        + "&lt;engage@opcc.example&gt;<br><b>Sent:</b> Monday, November 2, 2026 10:12:01 AM<br><b>To:</b> "
                        + "me@example.net<br><b>Subject:</b> Street lighting</font><div>&nbsp;</div></div>" + html(INVITATION)
                        + "</body></html>"),
                "Near the leisure centre."));
        String welsh = "Mae\u2019r \u0175yl yn y parc yn rhy dywyll. D\u0177n ni\u2019n hapus \u00e2\u2019r goleuadau newydd.";
        all.add(new Reply("welsh gmail, base64 utf-8, 'Ar ddydd Llun … ysgrifennodd:' wrapped",
                single("text/plain", "utf-8", "base64", welsh + "\n\nAr ddydd Llun, 2 Tach 2026 am 10:12, Engagebot "
                        + "Consultations <engage@opcc.example>\nysgrifennodd:\n\n" + quote(INVITATION) + "\n"),
                welsh));
        all.add(new Reply("welsh outlook, quoted-printable utf-8, 'Oddi wrth / Anfonwyd' block",
                single("text/plain", "utf-8", "quoted-printable", welsh + "\n\nAnfonwyd o fy iPhone\n\n"
                        + "________________________________\nOddi wrth: " + BOT + "\nAnfonwyd: Dydd Llun, 2 Tachwedd "
                        + "2026 10:12\nAt: Gwyn <gwyn@example.cymru>\nPwnc: Goleuadau stryd (CON-2026-07)\n\n" + INVITATION),
                welsh));
        all.add(new Reply("iso-8859-1, circumflex",
                single("text/plain", "iso-8859-1", "quoted-printable", "Heol y Br\u00e2n, ger yr ysgol.\n\n"
                        + "On Mon, 2 Nov 2026 at 10:12, " + BOT + " wrote:\n" + quote(INVITATION)),
                "Heol y Br\u00e2n, ger yr ysgol."));
        all.add(new Reply("bottom-posting",
                single("text/plain", "utf-8", "7bit", "On Mon, 2 Nov 2026 at 10:12, " + BOT + " wrote:\n"
                        + quote(INVITATION) + "\n\nStation Road and the park.\n\nAlys\n"),
                "Station Road and the park.\n\nAlys"));
        all.add(new Reply("thunderbird, HTML only, bottom-posting under the quote",
                single("text/html", "utf-8", "quoted-printable", "<html><body><div class=\"moz-cite-prefix\">On "
                        + "02/11/2026 10:12, Engagebot Consultations wrote:<br></div><blockquote type=\"cite\" "
                        + "cite=\"mid:abc@opcc.example\">" + html(INVITATION) + "</blockquote><p>Station Road and the park."
                        + "</p><p>Alys</p></body></html>"),
                "Station Road and the park.\n\nAlys"));
        all.add(new Reply("inline answers under the quoted questions",
                single("text/plain", "utf-8", "7bit", "On Mon, 2 Nov 2026 at 10:12, " + BOT + " wrote:\n"
                        + "> 1. Which streets feel unsafe after dark?\n\n1. Station Road\n\n"
                        + "> 2. When do you walk there?\n\n2. After 9pm, coming back from work\n\n"
                        + "> Reply to this email with your views.\n"),
                "1. Station Road\n\n2. After 9pm, coming back from work"));
        all.add(new Reply("inline answers, unnumbered, under numbered questions",
                single("text/plain", "utf-8", "7bit", "Hi,\n\n> 1. Which streets feel unsafe after dark?\n"
                        + "Station Road\n\n> 2. When do you walk there?\nAfter 9pm\n\n> Reply to this email with your views.\n"),
                "Hi,\n\n1. Station Road\n\n2. After 9pm"));
        all.add(new Reply("inline answers, the first straight under the quoted invitation",
                single("text/plain", "utf-8", "quoted-printable", "On Mon, 2 Nov 2026 at 10:12, " + BOT + " wrote:\n"
                        + "> The questions:\n> 1. Which streets feel unsafe after dark?\n\nStation Road\n\n"
                        + "> 2. When do you walk there?\n\nAfter 9pm\n\n> Reply to this email with your views.\n"),
                "1. Station Road\n\n2. After 9pm"));
        all.add(new Reply("bottom-posted under a quote that ends with a numbered question",
                single("text/plain", "utf-8", "7bit", "On Mon, 2 Nov 2026 at 10:12, " + BOT + " wrote:\n"
                        + "> 1. Which streets feel unsafe after dark?\n> 2. When do you walk there?\n\n"
                        + "Station Road, most nights.\n"),
                "Station Road, most nights."));
        all.add(new Reply("signature and legal disclaimer",
                single("text/plain", "windows-1252", "quoted-printable", "Castle Square needs more light.\n\n"
                        + "Kind regards\nJohn Smith\nClerk, Llanfair Community Council\n\n"
                        + "This email and any attachments are confidential and intended solely for the addressee. If you "
                        + "have received this email in error please notify the sender and delete it.\n"
                        + "Mae\u2019r e-bost hwn ac unrhyw atodiadau yn gyfrinachol. Os ydych wedi ei dderbyn trwy "
                        + "gamgymeriad, rhowch wybod i\u2019r anfonwr a\u2019i ddileu.\n\n"
                        + "From: " + BOT + "\nSent: 02 November 2026 10:12\nTo: John Smith\nSubject: Street lighting\n\n"
                        + INVITATION),
                "Castle Square needs more light.\n\nKind regards\nJohn Smith\nClerk, Llanfair Community Council"));
        all.add(new Reply("forwarded with a comment",
                single("text/plain", "utf-8", "7bit", "Passing on my neighbour's view as well: the whole estate.\n\n"
                        + "---------- Forwarded message ---------\nFrom: " + BOT + "\nDate: Mon, 2 Nov 2026 at 10:12\n"
                        + "Subject: Street lighting\nTo: <me@example.net>\n\n" + INVITATION),
                "Passing on my neighbour's view as well: the whole estate."));
        return all;
    }

    static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n");
    }

    static MimeMessage message() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("resident@example.net"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("engage@opcc.example"));
        m.setSubject("Re: Street lighting (CON-2026-07)", "utf-8");
        m.setHeader("Message-ID", "<" + System.nanoTime() + "@example.net>");
        return m;
    }

    static byte[] single(String type, String charset, String encoding, String text) throws Exception {
        MimeMessage m = message();
        m.setContent(text, type + "; charset=" + charset);
        m.setHeader("Content-Type", type + "; charset=" + charset);
        m.setHeader("Content-Transfer-Encoding", encoding);
        return bytes(m);
    }

    static byte[] alternative(String charset, String encoding, String plain, String html) throws Exception {
        MimeMessage m = message();
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(part(plain, "text/plain; charset=" + charset, encoding));
        alt.addBodyPart(part(html, "text/html; charset=" + charset, encoding));
        m.setContent(alt);
        return bytes(m);
    }

    static byte[] alternativeRaw(String plainType, String plain, String html) throws Exception {
        MimeMessage m = message();
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(plain.getBytes(StandardCharsets.UTF_8), plainType)));
        p.setHeader("Content-Type", plainType);
        p.setHeader("Content-Transfer-Encoding", "8bit");
        alt.addBodyPart(p);
        alt.addBodyPart(part(html, "text/html; charset=UTF-8", "quoted-printable"));
        m.setContent(alt);
        return bytes(m);
    }

    static MimeBodyPart part(String text, String type, String encoding) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setContent(text, type);
        p.setHeader("Content-Type", type);
        p.setHeader("Content-Transfer-Encoding", encoding);
        return p;
    }

    static byte[] bytes(MimeMessage m) throws Exception {
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}
