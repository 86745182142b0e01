package org.engagebot.channel.email.parse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises bounces that carry no delivery-status part, by sender, subject and the wording of the notice. */
final class BounceText {

    static final Pattern SUBJECT = Pattern.compile("(?iU)undeliver|undelivered mail|returned mail|return(ed)? to sender"
            + "|delivery status notification|delivery (status )?failure|delivery failed|mail delivery failed"
            + "|failure notice|failed delivery|non[- ]?delivery|delivery notification|delivery problem|could not "
            + "send|mail system error|message not delivered|not delivered|nondeliverable|unzustellbar"
            + "|non remis|non recapitabile|no se puede entregar|onbestelbaar|delivery report|warning: could not"
            + "|warning: message|error sending your mail|delayed mail|delivery delay|mail could not be delivered|bounce|rejected|unable to deliver"
            + "|mail failure|not (a )?member|loop alert|mail loop");
    static final Pattern BODY = Pattern.compile("(?iU)this is the mail system at|could not be delivered to one or "
            + "more|message could not be delivered|this message was created automatically by mail delivery"
            + "|delivery to the following recipients? failed|delivery has failed to these recipients"
            + "|your message did not reach some or all|i'm sorry to have to inform you|this is the qmail-send program"
            + "|unable to deliver your message|permanent error|permanently failed|delivery to the following"
            + "|the following addresses? had permanent fatal errors|transcript of session follows"
            + "|message you sent .{0,40}(could not|has not|was not)|your message (wasn't|was not|could not be) delivered"
            + "|address not found|undeliverable message|delivery of your message .{0,40}(failed|has been delayed)"
            + "|recipient address rejected|user unknown|mailbox (is )?(full|unavailable)|does not exist"
            + "|not delivered to|could not be delivered to|unable to deliver|failed to deliver|message (was )?rejected|returned to sender"
            + "|could not deliver|trouble delivering your message|returned permanent errors|has not yet been delivered|retry timeout exceeded|delivery (attempts )?will continue"
            + "|did not reach (the following|some or all)|unknown recipient|recipient name is not recognized"
            + "|malformed (recipient )?address|incorrectly constructed|error (has )?occurred while (attempting|trying) to deliver"
            + "|not a member of|loop (alert|detected)|duplicated? message-id|not delivered within|delivery failed \\d+ attempts");
    private static final Pattern ORIGINAL = Pattern.compile("(?im)^.{0,20}(copy of (the|your) (original )?message"
            + "|original message (follows|headers)|undelivered message (headers )?follows|returned message follows"
            + "|below this line is a copy|original message -|message headers follow|original mail as follows|^received:).*$");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern SYSTEM = Pattern.compile("(?i)^(mailer-daemon|post_?master|mail-daemon|mailadmin"
            + "|mail-delivery|bounces?|mdaemon|daemon)(\\+[^@]*)?@.*");

    private BounceText() {
    }

    static boolean fromSystem(ParsedMail mail) {
        String name = mail.fromName() == null ? "" : mail.fromName().toLowerCase(Locale.ROOT);
        return (mail.from() != null && SYSTEM.matcher(mail.from()).matches())
                || name.contains("mail delivery") || name.contains("mailer-daemon") || name.contains("mailer daemon") || name.contains("postmaster");
    }

    /** The notice part of the body: everything before the copy of the original message. */
    static String notice(String body) {
        Matcher m = ORIGINAL.matcher(body);
        String head = m.find() && m.start() > 40 ? body.substring(0, m.start()) : body;
        return head.length() > 20_000 ? head.substring(0, 20_000) : head;
    }

    /** Addresses named in the notice, except the bounce's own sender and recipients and system mailboxes. */
    static List<String> recipients(ParsedMail mail, String notice) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ADDRESS.matcher(notice);
        while (m.find() && found.size() < 10) {
            String address = m.group().toLowerCase(Locale.ROOT).replaceAll("^[.]+|[.]+$", "");
            if (!address.equals(mail.from()) && !mail.to().contains(address) && !SYSTEM.matcher(address).matches()) {
                found.add(address);
            }
        }
        return List.copyOf(found);
    }
}
