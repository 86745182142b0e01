package org.engagebot.events;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * iCalendar (RFC 5545) files written with ical4j: an event's invite.ics, a meeting's notice, a staff member's feed.
 * Times are UTC instants (calendar apps show them in the reader's zone); METHOD:PUBLISH, since replies come back
 * through our own channels, not iTIP. UIDs are stable, so a later file updates the same calendar entry.
 */
public final class Ics {
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private Ics() {
    }

    /** One calendar entry; {@code sequence} goes up when the entry changes (e.g. an alternative date). */
    public record Entry(String uid, Instant start, Instant end, String summary, String description, String location,
                        String url, int sequence, Instant stamp) {
    }

    public static byte[] bytes(List<Entry> entries) {
        return write(entries).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(List<Entry> entries) {
        Calendar calendar = new Calendar().add(new ProdId("-//Engagebot//Engagement calendar//EN"))
                .add(ImmutableVersion.VERSION_2_0).add(ImmutableCalScale.GREGORIAN).add(ImmutableMethod.PUBLISH);
        for (Entry e : entries) {
            VEvent event = new VEvent(e.start(), e.end(), e.summary());
            event.replace(new DtStamp(e.stamp()));
            event.add(new Uid(e.uid()));
            event.add(new Sequence(e.sequence()));
            if (e.description() != null && !e.description().isBlank()) {
                event.add(new Description(e.description()));
            }
            if (e.location() != null && !e.location().isBlank()) {
                event.add(new Location(e.location()));
            }
            if (e.url() != null && !e.url().isBlank()) {
                event.add(new Url(URI.create(e.url())));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
