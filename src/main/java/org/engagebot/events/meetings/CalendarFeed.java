package org.engagebot.events.meetings;


import jakarta.inject.Singleton;
import org.engagebot.events.EventService;
import org.engagebot.events.EventTexts;
import org.engagebot.events.Ics;
import org.engagebot.conversation.Language;
import org.engagebot.platform.StaffStanding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A staff member's calendar: every invited engagement event, and each meeting whose lead or attendees name them
 * (their username, or an attendee address whose local part is their username), at its next sitting. Its URL is signed
 * for the account as it stands (its auth epoch): a password reset, lock or deactivation ends it with the account's
 * sessions and tokens, and a new URL comes from GET /api/meetings/feed.
 */
@Singleton
class CalendarFeed {
    private final MeetingStore meetings;
    private final EventService events;
    private final FeedKeys keys;
    private final EventTexts texts;
    private final StaffStanding staff;

    CalendarFeed(MeetingStore meetings, EventService events, FeedKeys keys, EventTexts texts, StaffStanding staff) {
        this.staff = staff;
        this.meetings = meetings;
        this.events = events;
        this.keys = keys;
        this.texts = texts;
    }

    String url(String username) {
        return texts.publicUrl() + "/calendar/" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20")
                + ".ics?key=" + keys.sign(subject(username, staff.epoch(username).orElse(-1)));
    }

    boolean valid(String username, String key) {
        OptionalLong epoch = staff.epoch(username);
        return epoch.isPresent() && keys.valid(subject(username, epoch.getAsLong()), key);
    }

    /** What is signed: the username, with the auth epoch once it has moved on (so URLs issued before epochs stay good). */
    private static String subject(String username, long epoch) {
        return epoch == 0 ? username : username + "|" + epoch;
    }

    String calendar(String username) {
        List<Ics.Entry> entries = new ArrayList<>();
        events.all().stream().filter(e -> e.invitedAt() != null).forEach(e -> entries.add(new Ics.Entry(
                e.reference().toLowerCase(Locale.ROOT) + "@engagebot", e.startsAt(), e.endsAt(), e.title().label(null),
                e.description().in(Language.EN), e.place() != null ? e.place() : e.online(), null, 0, e.createdAt())));
        meetings.all().stream().filter(m -> involves(m, username)).forEach(m -> entries.add(MeetingNotices.entry(m)));
        return Ics.write(entries);
    }

    static boolean involves(Meeting m, String username) {
        String u = username.toLowerCase(Locale.ROOT);
        if (m.lead() != null && (m.lead().equalsIgnoreCase(u) || m.lead().toLowerCase(Locale.ROOT).startsWith(u + "@"))) {
            return true;
        }
        return m.attendees().stream().anyMatch(a -> a.equals(u) || a.startsWith(u + "@"));
    }
}
