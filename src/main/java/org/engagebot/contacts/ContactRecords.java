package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A feature's records about a contact (visit applications, consultation responses, event RSVPs, enquiries), for the
 * organisation's page and for merging two contacts. Each feature implements it over its own tables, so contacts never
 * reads them. Both methods run inside the caller's transaction; neither may throw for a contact it knows nothing about.
 */
public interface ContactRecords {

    /** The section these records are shown in, in page order: "visits", "responses", "rsvps", "enquiries". */
    String section();

    /** The section's heading for staff. */
    String heading();

    /** The contact's records, newest first. */
    List<Record> of(long contactId);

    /** Moves every record of {@code fromContactId} to {@code intoContactId}; answers how many moved. */
    int move(long fromContactId, long intoContactId);

    /**
     * Called just before {@link #move}: what the move will drop or combine (two answers to one event kept once),
     * one line each for the merge's history. Empty when it only moves.
     */
    default List<String> mergeNotes(long fromContactId, long intoContactId) {
        return List.of();
    }

    /** "REF title" from the Welsh title, or null when there is none (the English one is then shown). */
    static @Nullable String titled(String reference, @Nullable String titleCy) {
        return titleCy == null || titleCy.isBlank() ? null : reference + " " + titleCy;
    }

    /**
     * One record as staff read it; {@code link} is its console page, if it has one. {@code titleCy} is the Welsh title
     * where the record has one (a consultation's or event's), shown in the Welsh console.
     */
    record Record(String title, @Nullable String titleCy, @Nullable String detail, @Nullable Instant at,
                  @Nullable String link) {

        public Record(String title, @Nullable String detail, @Nullable Instant at, @Nullable String link) {
            this(title, null, detail, at, link);
        }

        /** The title in the reader's language ("en" or "cy"), the English one when there is no Welsh. */
        public String title(String lang) {
            return "cy".equals(lang) && titleCy != null && !titleCy.isBlank() ? titleCy : title;
        }
    }
}
