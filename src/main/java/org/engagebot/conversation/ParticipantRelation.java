package org.engagebot.conversation;

/**
 * The participant table as a read-only relation that another owner may join in a single statement where a call to
 * {@link Participants} per row would not do (contacts' reachability page over a whole audience, a contact's channels
 * in a search page). It promises these columns only: {@code participant_id, channel, address, language,
 * last_seen_at}; the table behind it stays conversation's to change (change this with it). Nobody writes through it:
 * writes go through {@link Participants}. Use it as {@code "JOIN " + ParticipantRelation.SQL + " p ON p.participant_id = …"}.
 */
public final class ParticipantRelation {
    /** A derived table (SQLite and PostgreSQL both inline it into the query that uses it). */
    public static final String SQL = "(SELECT id AS participant_id, channel, address, language, last_seen_at FROM participant)";

    private ParticipantRelation() {
    }
}
