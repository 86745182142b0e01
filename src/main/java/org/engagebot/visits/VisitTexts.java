package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The bilingual texts an applicant reads about their applications (bundle i18n/visits_*.properties). */
@Singleton
class VisitTexts {
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_CY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("cy"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final VisitsConfig config;

    VisitTexts(Messages messages, VisitsConfig config) {
        this.messages = messages;
        this.config = config;
    }

    Text status(VisitStatus status) {
        return messages.get("visits.status." + status.code());
    }

    Text received(VisitApplication a) {
        return messages.get("visits.received", a.reference());
    }

    Text duplicate(VisitApplication a) {
        Text status = status(a.status());
        Text t = messages.get("visits.duplicate");
        return new Text(String.format(t.en(), a.organisation(), a.reference(), status.en()),
                String.format(t.cy(), a.organisation(), a.reference(), status.cy()));
    }

    Text subject(VisitApplication a) {
        return messages.get("visits.notify.subject", a.reference());
    }

    /** What an applicant is told when staff have entered the form they sent on paper or by email. */
    Text enteredOnBehalf(VisitApplication a, String receivedAs) {
        return messages.get("visitpaper.received." + receivedAs, a.reference(), a.organisation());
    }

    /** What the applicant is told when their application reaches its current status. */
    Text decision(VisitApplication a) {
        Text t = messages.get("visits.notify." + a.status().code());
        return switch (a.status()) {
            case SCHEDULED -> when(t, a.reference(), a.scheduledAt(), a.place());
            case DECLINED -> t.format(a.reference(), a.declineReason());
            default -> t.format(a.reference());
        };
    }

    /** The applicant's own applications, newest first, for /visit status. */
    Text mine(List<VisitApplication> applications) {
        if (applications.isEmpty()) {
            return messages.get("visits.mine.none");
        }
        Text out = messages.get("visits.mine.heading");
        for (VisitApplication a : applications) {
            Text status = status(a.status());
            Text line = messages.get("visits.mine.line");
            Text item = new Text(String.format(line.en(), a.reference(), a.organisation(), status.en()),
                    String.format(line.cy(), a.reference(), a.organisation(), status.cy()));
            if (a.status() == VisitStatus.SCHEDULED && a.scheduledAt() != null) {
                item = item.append(when(messages.get("visits.mine.when"), a.reference(), a.scheduledAt(), a.place()), " ");
            }
            out = out.append(item, "\n");
        }
        return out;
    }

    private Text when(Text template, String reference, Instant at, String place) {
        ZonedDateTime local = at.atZone(config.zone());
        return new Text(String.format(template.en(), reference, local.format(DATE_EN), local.format(TIME), place),
                String.format(template.cy(), reference, local.format(DATE_CY), local.format(TIME), place));
    }
}
