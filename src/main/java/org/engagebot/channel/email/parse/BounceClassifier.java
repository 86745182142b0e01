package org.engagebot.channel.email.parse;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies inbound mail as bounce (hard or soft), complaint, auto-reply or ordinary mail. Reads RFC 3464
 * delivery-status and RFC 5965 feedback-report parts first, then Amazon SES notifications, then the
 * wording of non-standard bounces. Stateless and thread-safe; never throws on a parsed message.
 */
@Singleton
public class BounceClassifier {

    private static final Pattern SES_TYPE = Pattern.compile("notificationType\\W{1,8}(\\w+)");
    private static final Pattern SES_BOUNCE_TYPE = Pattern.compile("bounceType\\W{1,8}(\\w+)");
    private static final Pattern SES_ADDRESS = Pattern.compile("emailAddress\\W{1,8}([^\"\\\\]+)");
    private static final Pattern SES_STATUS = Pattern.compile("status\\W{1,8}([245]\\.\\d+\\.\\d+)");
    private static final Pattern SES_DIAGNOSTIC = Pattern.compile("diagnosticCode\\W{1,8}([^\"\\\\]*)");

    private static final Pattern COMPLAINT_SUBJECT = Pattern.compile("(?i)complaint about message|abuse report"
            + "|spam (complaint|report)|feedback report|reported as spam");

    private final AutoReplyDetector autoReplies;

    public BounceClassifier() {
        this(new AutoReplyDetector());
    }

    public BounceClassifier(AutoReplyDetector autoReplies) {
        this.autoReplies = autoReplies;
    }

    public BounceVerdict classify(ParsedMail mail) {
        return complaint(mail)
                .or(() -> deliveryStatus(mail))
                .or(() -> amazonSes(mail))
                .or(() -> nonStandard(mail))
                .or(() -> autoReply(mail))
                .orElse(BounceVerdict.NOT_BOUNCE);
    }

    private Optional<BounceVerdict> complaint(ParsedMail mail) {
        if (mail.subject() != null && COMPLAINT_SUBJECT.matcher(mail.subject()).find() && hasOriginal(mail)) {
            return Optional.of(new BounceVerdict(BounceKind.COMPLAINT, List.of(), null, "complaint: " + mail.subject()));
        }
        return mail.reportParts().stream().filter(p -> p.contentType().equals("message/feedback-report")).findFirst()
                .map(p -> {
                    var fields = DeliveryStatus.fields(p.text().replace("\r\n", "\n"));
                    String rcpt = DeliveryStatus.firstAddress(fields.getOrDefault("original-rcpt-to",
                            fields.get("removal-recipient")));
                    return new BounceVerdict(BounceKind.COMPLAINT, rcpt == null ? List.of() : List.of(rcpt), null,
                            fields.getOrDefault("feedback-type", "abuse"));
                });
    }

    private Optional<BounceVerdict> deliveryStatus(ParsedMail mail) {
        List<DeliveryStatus> statuses = mail.reportParts().stream()
                .filter(p -> p.contentType().endsWith("delivery-status"))
                .flatMap(p -> DeliveryStatus.parse(p.text()).stream()).toList();
        if (statuses.isEmpty()) {
            return Optional.empty();
        }
        List<DeliveryStatus> failed = statuses.stream().filter(DeliveryStatus::failed).toList();
        if (failed.isEmpty()) {
            return Optional.of(new BounceVerdict(BounceKind.NOT_BOUNCE, List.of(), statuses.get(0).status(),
                    "delivery report: " + statuses.get(0).action()));
        }
        DeliveryStatus first = failed.get(0);
        String notice = BounceText.notice(mail.textBody());
        String status = usable(first.status()) ? first.status()
                : Optional.ofNullable(first.diagnostic()).map(BounceSeverity::findCode)
                        .orElse(BounceSeverity.findCode(notice));
        String words = (first.diagnostic() == null ? "" : first.diagnostic()) + " " + notice;
        boolean soft = "delayed".equals(first.action()) || BounceSeverity.isSoft(status, words);
        return Optional.of(new BounceVerdict(soft ? BounceKind.SOFT_BOUNCE : BounceKind.HARD_BOUNCE,
                failed.stream().map(DeliveryStatus::recipient).distinct().toList(), status, first.diagnostic()));
    }

    private Optional<BounceVerdict> amazonSes(ParsedMail mail) {
        Matcher type = SES_TYPE.matcher(mail.textBody());
        if (!type.find()) {
            return Optional.empty();
        }
        List<String> recipients = SES_ADDRESS.matcher(mail.textBody()).results()
                .map(r -> r.group(1).toLowerCase(Locale.ROOT)).distinct().toList();
        String status = SES_STATUS.matcher(mail.textBody()).results().map(r -> r.group(1)).findFirst().orElse(null);
        String diagnostic = SES_DIAGNOSTIC.matcher(mail.textBody()).results().map(r -> r.group(1)).findFirst()
                .orElse(null);
        BounceKind kind = switch (type.group(1).toLowerCase(Locale.ROOT)) {
            case "complaint" -> BounceKind.COMPLAINT;
            case "bounce" -> SES_BOUNCE_TYPE.matcher(mail.textBody()).results()
                    .anyMatch(r -> r.group(1).equalsIgnoreCase("permanent"))
                    && !BounceSeverity.isSoft(status, diagnostic) ? BounceKind.HARD_BOUNCE : BounceKind.SOFT_BOUNCE;
            default -> BounceKind.NOT_BOUNCE;
        };
        return Optional.of(new BounceVerdict(kind, recipients, status, diagnostic));
    }

    private Optional<BounceVerdict> nonStandard(ParsedMail mail) {
        String notice = BounceText.notice(mail.textBody());
        boolean system = BounceText.fromSystem(mail);
        boolean subject = mail.subject() != null && BounceText.SUBJECT.matcher(mail.subject()).find();
        boolean body = BounceText.BODY.matcher(notice).find();
        String status = BounceSeverity.findCode(notice);
        boolean bounce = (system && (subject || body || status != null)) || (subject && (body || status != null))
                || (body && hasOriginal(mail));
        if (!bounce) {
            return Optional.empty();
        }
        BounceKind kind = BounceSeverity.isSoft(status, notice) ? BounceKind.SOFT_BOUNCE : BounceKind.HARD_BOUNCE;
        return Optional.of(new BounceVerdict(kind, BounceText.recipients(mail, notice), status, firstLine(notice, status)));
    }

    private Optional<BounceVerdict> autoReply(ParsedMail mail) {
        AutoReplyVerdict verdict = autoReplies.detect(mail);
        boolean listTraffic = verdict.reason().equals("mailing list") || verdict.reason().matches("(?i)precedence: (bulk|list|junk).*");
        return verdict.isAuto() && !listTraffic
                ? Optional.of(new BounceVerdict(BounceKind.AUTO_REPLY, List.of(), null, verdict.reason()))
                : Optional.empty();
    }

    private static boolean hasOriginal(ParsedMail mail) {
        return mail.reportParts().stream().anyMatch(p -> p.contentType().contains("rfc822"))
                || mail.attachments().stream().anyMatch(a -> a.contentType().startsWith("message/"));
    }

    private static boolean usable(String status) {
        return status != null && status.matches("[45]\\.\\d{1,3}\\.\\d{1,3}") && !status.matches("[45]\\.0\\.0");
    }

    private static String firstLine(String notice, String status) {
        return notice.lines().filter(l -> status != null ? l.contains(status) : BounceText.BODY.matcher(l).find())
                .map(String::strip).findFirst().map(l -> l.length() > 300 ? l.substring(0, 300) : l).orElse(null);
    }
}
