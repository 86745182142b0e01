package org.engagebot.events.meetings;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The meeting, meeting_paper and meeting_notice tables. Joins the caller's transaction. */
@Singleton
class MeetingStore {
    private final Db db;

    MeetingStore(Db db) {
        this.db = db;
    }

    /** A paper of one sitting; its bytes are the outbox attachment {@code attachmentId}. */
    record Paper(long id, String filename, String contentType, String attachmentId, long size) {
    }

    long insert(MeetingRequest.NewMeeting m, String actor, Instant now) {
        return db.insert("INSERT INTO meeting (name, body, lead, purpose, frequency, next_at, place, attendees, notice_days, "
                        + "public, sitting_uid, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.name(),
                m.body(), m.lead(), m.purpose(), m.frequency(), m.nextAt(), m.place(), Outbox.json(m.attendees()),
                m.noticeDays(), m.isPublic(), newUid(), actor, now);
    }

    Optional<Meeting> byId(long id) {
        return db.one("SELECT * FROM meeting WHERE id = ?", MeetingStore::map, id);
    }

    List<Meeting> all() {
        return db.query("SELECT * FROM meeting ORDER BY next_at, id", MeetingStore::map);
    }

    /** Meetings whose regular notice is due by now and not yet sent for their next sitting. */
    List<Meeting> noticeDue(Instant now) {
        return all().stream().filter(m -> !m.noticed() && m.nextAt().isAfter(now) && !m.noticeDueAt().isAfter(now))
                .toList();
    }

    /** Meetings whose next sitting has passed. */
    List<Meeting> passed(Instant now) {
        return all().stream().filter(m -> !m.nextAt().isAfter(now)).toList();
    }

    void markNoticed(long id, Instant sitting) {
        db.update("UPDATE meeting SET noticed_for = ? WHERE id = ?", sitting, id);
    }

    /** Moves the next sitting; its papers move with it. */
    void moveTo(long id, Instant from, Instant to, boolean noticed) {
        db.update("UPDATE meeting SET next_at = ?, noticed_for = ?, sitting_seq = sitting_seq + 1 WHERE id = ?", to,
                noticed ? to : null, id);
        db.update("UPDATE meeting_paper SET meeting_at = ? WHERE meeting_id = ? AND meeting_at = ?", to, id, from);
    }

    /** Moves on to the next sitting; the old sitting's papers stay with it. */
    void rollOn(long id, Instant to) {
        db.update("UPDATE meeting SET next_at = ?, sitting_uid = ?, sitting_seq = 0 WHERE id = ?", to, newUid(), id);
    }

    long addPaper(long meetingId, Instant sitting, String filename, String contentType, String attachmentId, long size,
                  String actor, Instant now) {
        return db.insert("INSERT INTO meeting_paper (meeting_id, meeting_at, filename, content_type, attachment_id, size, "
                        + "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", meetingId, sitting, filename, contentType,
                attachmentId, size, actor, now);
    }

    List<Paper> papers(long meetingId, Instant sitting) {
        return db.query("SELECT * FROM meeting_paper WHERE meeting_id = ? AND meeting_at = ? ORDER BY id",
                rs -> new Paper(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
                        rs.getString("attachment_id"), rs.getLong("size")), meetingId, sitting);
    }

    void recordNotice(long meetingId, String kind, Instant sitting, Instant previous, int recipients, int papers,
                      String actor, Instant now) {
        db.insert("INSERT INTO meeting_notice (meeting_id, kind, meeting_at, previous_at, recipients, papers, sent_by, "
                + "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", meetingId, kind, sitting, previous, recipients, papers, actor, now);
    }

    /** Notices sent: kind, sitting, when, to how many. */
    record Notice(String kind, Instant meetingAt, Instant sentAt, int recipients, int papers) {
    }

    List<Notice> notices(long meetingId) {
        return db.query("SELECT * FROM meeting_notice WHERE meeting_id = ? ORDER BY id", rs -> new Notice(
                rs.getString("kind"), Db.instant(rs, "meeting_at"), Db.instant(rs, "sent_at"), rs.getInt("recipients"),
                rs.getInt("papers")), meetingId);
    }

    private static String newUid() {
        return java.util.UUID.randomUUID() + "@engagebot";
    }

    private static Meeting map(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getString("name"), rs.getString("body"), rs.getString("lead"),
                rs.getString("purpose"), Frequency.valueOf(rs.getString("frequency")), Db.instant(rs, "next_at"),
                rs.getString("place"), Arrays.asList(Outbox.read(rs.getString("attendees"), String[].class)),
                rs.getInt("notice_days"), rs.getInt("public") == 1, Db.instant(rs, "noticed_for"), rs.getString("sitting_uid"), rs.getInt("sitting_seq"),
                rs.getString("created_by"), Db.instant(rs, "created_at"));
    }
}
