package org.engagebot.staff.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Features answer their API callers in English ("nextAt must be in the future"); the console shows each such refusal
 * as a whole sentence from its own bundle ({@code said.*}, in the signed-in person's language, with the value in a
 * place-holder) and names the form field to mark. A message no rule knows is shown as it came, so the Welsh walk
 * (ConsoleFormErrorsIT) finds it.
 */
final class FeatureMessages {
    private FeatureMessages() {
    }

    /** A feature's message in the reader's language, and the form field it is about ("" when none). */
    record Said(String text, String field) {
    }

    private record Rule(Pattern pattern, String key, String field) {
    }

    private static final List<Rule> RULES = List.of(
            // contacts: organisation profiles, contact people and notes (the field comes with the message)
            rule("Enter the organisation's name", "said.profile.organisation"),
            rule("The organisation's name must be ([\\d,]+) characters or fewer", "said.profile.organisation-long"),
            rule("The contact's name must be ([\\d,]+) characters or fewer", "said.profile.name-long"),
            rule("The name must be ([\\d,]+) characters or fewer", "said.profile.name-long"),
            rule("The role must be ([\\d,]+) characters or fewer", "said.profile.role-long"),
            rule("What the organisation does must be ([\\d,]+) characters or fewer", "said.profile.description-long"),
            rule("The CVC's name must be ([\\d,]+) characters or fewer", "said.profile.cvc-long"),
            rule("Enter an email address in the correct format, like name@example.org", "said.profile.email"),
            rule("Another organisation's record \\((.*)\\) already uses this email address: merge the two records instead",
                    "said.profile.email-taken"),
            rule("Enter a telephone number, like 01632 960 001 or 07700 900 982", "said.profile.phone"),
            rule("Enter the website address, like www.example.org", "said.profile.website"),
            rule("Choose areas from the list", "said.profile.areas"),
            rule("Choose the remit or sector from the list", "said.profile.sectors"),
            rule("Choose the type of organisation from the list", "said.profile.type"),
            rule("Choose how the organisation came to us", "said.profile.source"),
            rule("Enter the name of the CVC that shared this organisation", "said.profile.cvc"),
            rule("Choose English, Welsh or both", "said.profile.language"),
            rule("Enter the person's name, email address or phone number", "said.profile.person"),
            rule("This organisation no longer exists", "said.profile.gone"),
            rule("Enter the note", "said.profile.note"),
            rule("The note must be ([\\d,]+) characters or fewer", "said.profile.note-long"),
            rule("That person is no longer on this organisation's record", "said.profile.person-gone"),
            rule("Another organisation's record uses (.+) as its main address: merge the two records first",
                    "said.profile.person-taken"),
            // visits: decisions
            rule("status must be one of .*", "said.visit.status", "status"),
            rule("cannot move an application from (\\w+) to (\\w+).*", "said.visit.move", "status"),
            rule("note is longer than (\\d+) characters", "said.visit.note-long", "note"),
            rule("declined needs a note: the reason the applicant is told", "said.visit.declined-note", "note"),
            rule("scheduled needs scheduledAt \\(date and time\\) and place", "said.visit.scheduled-needs", ""),
            rule("place is longer than (\\d+) characters", "said.visit.place-long", "place"),
            rule("scheduledAt must be an ISO date-time.*", "said.visit.date", "scheduledAt"),
            rule("the visit cannot be scheduled in the past \\((.+)\\): choose a date and time from now on", "said.visit.past",
                    "scheduledAt"),
            // events
            rule("startsAt is required", "said.event.starts", "startsAt"),
            rule("startsAt must be an ISO-8601 time.*", "said.event.starts", "startsAt"),
            rule("startsAt must be in the future", "said.event.starts-future", "startsAt"),
            rule("endsAt must be an ISO-8601 time.*", "said.event.ends", "endsAt"),
            rule("endsAt must be after startsAt", "said.event.ends-after", "endsAt"),
            rule("questionsCloseAt must not be after startsAt", "said.event.questions", "questionsCloseAt"),
            rule("questionsCloseAt must be an ISO-8601 time.*", "said.event.questions-time", "questionsCloseAt"),
            rule("give a place, an online link, or both", "said.event.place", "place"),
            rule("online must be an http\\(s\\) link", "said.event.online", "online"),
            rule("capacity must be a whole number from 1", "said.event.capacity", "capacity"),
            rule("place is longer than (\\d+) characters", "said.event.place-long", "place"),
            // meetings
            rule("name is required", "said.meeting.name", "name"),
            rule("body is required", "said.meeting.body", "body"),
            rule("frequency must be one of .*", "said.meeting.frequency", "frequency"),
            rule("nextAt must be an ISO-8601 time.*", "said.meeting.next", "nextAt"),
            rule("nextAt must be in the future", "said.meeting.next-future", "nextAt"),
            rule("noticeDays must be a whole number from 0 to 90", "said.meeting.notice", "noticeDays"),
            rule("attendees must be a non-empty list of email addresses", "said.meeting.attendees", "attendees"),
            rule("attendees: \"(.*)\" is not an email address", "said.meeting.attendee", "attendees"),
            rule("at most 200 attendees", "said.meeting.attendees-many", "attendees"),
            rule("(name|body|lead|purpose|place) is longer than (\\d+) characters", "said.meeting.long", "$1"),
            // contact import: a rejected row or header, a possible duplicate
            rule("unknown column '(.*)'; use any of .*", "said.import.column"),
            rule("column '(.*)' appears twice", "said.import.column-twice"),
            rule("the header row needs an email column", "said.import.no-email-column"),
            rule("more fields than columns", "said.import.fields"),
            rule("email is missing", "said.import.email-missing"),
            rule("email '(.*)' is not a valid address", "said.import.email"),
            rule("organisation or name is longer than (\\d+) characters", "said.import.long"),
            rule("phone '(.*)' is not a valid phone number", "said.import.phone"),
            rule("area '(.*)' is not one of the areas list", "said.import.area"),
            rule("language '(.*)' must be en or cy", "said.import.language"),
            rule("telegram '(.*)' is not a Telegram chat id \\(a number\\)", "said.import.telegram"),
            rule("subscribed '(.*)' must be yes or no \\(ie or na\\)", "said.import.subscribed"),
            rule("sector '(.*)' is not on the list .*", "said.import.sector"),
            rule("type '(.*)' is not one of .*", "said.import.type"),
            rule("source '(.*)' is not one of .*", "said.import.source"),
            rule("role, cvc or website is longer than (\\d+) characters", "said.import.long"),
            rule("description is longer than ([\\d,]+) characters", "said.import.description-long"),
            rule("contact2_email '(.*)' is not a valid address", "said.import.email2"),
            rule("contact2_phone '(.*)' is not a valid phone number", "said.import.phone2"),
            rule("the file is empty; the first row must name the columns", "said.import.empty"),
            rule("email (.+) already on line (\\d+)", "said.import.email-twice"),
            rule("same phone number as", "said.import.same-phone"),
            rule("same organisation name as", "said.import.same-name"),
            rule("same phone number as line (\\d+)", "said.import.same-phone-line"),
            rule("same organisation name as line (\\d+)", "said.import.same-name-line"),
            // a profile's records from other features, one part of a detail at a time ("answered yes, attended")
            rule("answered (\\w+)", "said.record.answered"),
            rule("on the waiting list", "said.record.waiting"),
            rule("attended", "said.record.attended"),
            rule("did not attend", "said.record.not-attended"),
            rule("asked a question", "said.record.asked"),
            rule("asked a question after the cut-off", "said.record.asked-late"),
            rule("by (\\w+)", "said.record.by"),
            rule("version (\\d+)", "said.record.version"),
            rule("late", "said.record.late"));

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex), key, "");
    }

    private static Rule rule(String regex, String key, String field) {
        return new Rule(Pattern.compile(regex), key, field);
    }

    /** The message as the reader should read it; unknown messages unchanged (null stays null). */
    static Said said(String english, ConsoleText t) {
        if (english == null) {
            return new Said(null, "");
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(english.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = value(m.group(i + 1), t);
                }
                String field = r.field().startsWith("$") ? m.group(Integer.parseInt(r.field().substring(1))) : r.field();
                return new Said(t.f(r.key(), args), field);
            }
        }
        return new Said(english, "");
    }

    private static final java.time.format.DateTimeFormatter ENGLISH_TIME =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    /** A value in a message: a time the feature wrote for people is written again in the reader's language. */
    private static String value(String v, ConsoleText t) {
        try {
            return ConsoleTime.of(t.lang()).at(java.time.LocalDateTime.parse(v, ENGLISH_TIME).atZone(ConsoleTime.OFFICE));
        } catch (java.time.format.DateTimeParseException notATime) {
            return t.w(v);
        }
    }

    /** Each rule's key, for the test that every one has both an English and a Welsh sentence. */
    static List<String> keys() {
        return RULES.stream().map(Rule::key).distinct().toList();
    }
}
