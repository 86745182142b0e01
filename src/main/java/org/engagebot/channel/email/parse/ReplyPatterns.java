package org.engagebot.channel.email.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Line patterns for reply trimming, by language. Each pattern is matched against one (joined) line. */
final class ReplyPatterns {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private ReplyPatterns() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    /** Verbs that end a "someone wrote:" line, in the languages we see. */
    private static final String WROTE = "(?:wrote|writes|schrieb|geschrieben|a\\s+écrit|nous\\s+a\\s+dit|escribió"
            + "|schreef|het\\s+volgende\\s+geschreven|ha\\s+scritto|escreveu|skrev|napisał(?:\\(a\\))?|napsal(?:\\(a\\))?"
            + "|написал(?:а)?|пише|kirjoitti|a\\s+scris|írta|ysgrifennodd|έγραψε|yazdı|写道|寫道)";

    static final List<Pattern> QUOTE_HEADERS = List.of(
            p("^[\\s<>-]*(?:On|At)\\s.+\\b(?:wrote|writes)[\\s.:>-]*$"),
            p("^[\\s<>-]*(?:On|At)\\s.+\\b(?:said|says)\\s*:[\\s>-]*$"),
            p("^[\\s<>-]*In message\\s.+\\bwrites[\\s.:>-]*$"),
            p("^[\\s<>-]*(?:Le|Am|El|Op|Il|Em|Den|Ar|Dnia|Dňa|W dniu|Dne|Pe)\\s.+" + WROTE + "(?:\\s.{0,160}:)?[\\s.:>-]*$"),
            p("^.{0,120}\\d.{0,160}\\s" + WROTE + "(?:\\s.{0,160})?\\s*[:：][\\s>-]*$"),
            p("^[\\s>]*在.+写道[\\s.:：>-]*$"),
            p("^.{0,40}\\d{4}.{1,80}<[^@<>\\s]+@[^@<>\\s]+\\.[^@<>\\s]+>:?\\s*$"),
            p("^[\\s>]*20\\d\\d-\\d\\d-\\d\\d \\d\\d?:\\d\\d GMT[+-]\\d\\d:\\d\\d [\\w\\s]+$"),
            p("^.+\\svia\\s.+\\s(?:wrote|schrieb):?\\s*$"),
            p("^.*[\\w.+-]+@[\\w.-]+\\.\\w{2,}.*\\bwrote:?\\s*$"),
            p("^.+\\b(?:wrote\\s+on|schrieb\\s+am)\\b.+:\\s*$"),
            p("^[\\s>]*Posted by .+ on \\d{2}/\\d{2}/\\d{4}\\s*$"),
            p("^[\\s>]*(?:Begin forwarded message|Début du message transféré|Anfang der weitergeleiteten Nachricht)\\s*:"),
            p("^[\\s>*]*-{2,}\\s*(?:Forwarded|Original|Reply|Forward)\\s+(?:Message|mail)\\s*-{2,}"),
            p("^[\\s>*]*-{2,}\\s*(?:Message transféré|Message d'origine|Message original|Ursprüngliche Nachricht"
                    + "|Weitergeleitete Nachricht|Mensaje original|Mensaje reenviado|Messaggio originale"
                    + "|Messaggio inoltrato|Oorspronkelijk bericht|Doorgestuurd bericht|Mensagem original"
                    + "|Mensagem encaminhada|Ursprungligt meddelande|Opprinnelig melding|Oprindelig meddelelse"
                    + "|Wiadomość oryginalna|Neges wreiddiol|Neges wedi'i hanfon ymlaen|原始邮件|Исходное сообщение"
                    + "|Пересылаемое сообщение)\\s*-{2,}"));

    static final Pattern HEADER_LINE = p("^[\\s*]*(?:From|Sent|Date|To|Cc|Bcc|Reply-To|Subject|De|Expéditeur|Envoyé"
            + "|Date d'envoi|À|A|Destinataire|Répondre à|Objet|Von|Gesendet|An|Betreff|Datum|Kopie|Oddi wrth|Anfonwyd"
            + "|Dyddiad|At|Pwnc|Fra|Til|Emne|Sendt|Da|Inviato|Data|Oggetto|Risposta|Van|Verzonden|Aan|Onderwerp"
            + "|Från|Skickat|Till|Ämne|Para|Asunto|Enviado|Enviada em|Fecha|Assunto|Od|Wysłano|Do|Temat|DW"
            + "|发件人|发送时间|收件人|主题|От|Отправлено|Кому|Тема)[\\s*]*:[\\s*]*\\S.*$");

    static final Pattern DELIMITER = p("^[\\s]*[-_,=+~#*ᐧ—]+[\\s]*$");

    static final Pattern SIGNATURE_DELIMITER = p("^--\\s*$");

    /**
     * The first line of an organisation's legal footer, in English or Welsh. Only a line that also names what
     * footers are about (confidential, intended recipient, received in error) counts.
     */
    static final Pattern DISCLAIMER_START = p("^\\s*(?:(?:This|The information (?:contained )?in this|The contents of this)"
            + "\\s+(?:e-?mail|message|communication)|If you (?:have received|are not the intended)|Disclaimer\\b"
            + "|Confidentiality(?: notice)?\\s*:|Mae['’]r (?:e-?bost|neges) (?:hwn|hon)|Os (?:ydych|nad ydych)(?: chi)? "
            + "(?:wedi derbyn|yw['’]r derbynnydd)|Ymwadiad\\b).*");
    static final Pattern DISCLAIMER_WORDS = p(".*(?:confidential|privileged|intended (?:solely |only )?(?:for|recipient)"
            + "|addressee|in error|cyfrinachol|camgymeriad|derbynnydd).*");

    static final List<Pattern> SIGNATURES = List.of(
            p("^\\s*[\\(<]*\\s*Sent (?:from|via|with|by|using) .{1,100}$"),
            p("^\\s*\\w+ from mobile\\s*$"),
            p("^\\s*From my .{1,20}$"),
            p("^\\s*Get (?:Outlook|\\[?Outlook) for .*$"),
            p("^\\s*Anfonwyd (?:o fy|o['’]m|gan fy) .{1,60}$"),
            p("^\\s*Cael (?:Outlook|\\[?Outlook) ar gyfer .*$"),
            p("^\\s*Envoyé (?:depuis|de) (?:mon|Yahoo Mail|Outlook).*$"),
            p("^\\s*Von meinem .+ gesendet.*$"),
            p("^\\s*Diese Nachricht wurde von .+ gesendet.*$"),
            p("^\\s*Inviato da .+$"),
            p("^\\s*Sendt fra min .+$"),
            p("^\\s*Enviado (?:do|desde) (?:meu|mi|o) .+$"),
            p("^\\s*Verzonden (?:met|vanaf|van) .+$"),
            p("^\\s*Verstuurd (?:vanaf|met) .+$"),
            p("^\\s*Skickat från .+$"),
            p("^\\s*Från min .+$"),
            p("^\\s*Wysłane z .+$"),
            p("^\\s*從我的 iPhone 傳送\\s*$"),
            p("^\\s*发自我的.+$"));
}
