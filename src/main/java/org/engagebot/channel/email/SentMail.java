package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.SentRecords;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The Message-IDs of mail we sent (with outbox id, address and reply token), for routing replies by reference. */
@Singleton
class SentMail implements SentRecords {
    private final Db db;
    private final Clock clock;

    SentMail(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void record(String messageId, long outboxId, String address, String replyToken) {
        db.update("INSERT INTO email_sent (message_id, outbox_id, address, reply_token, sent_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (message_id) DO NOTHING", messageId, outboxId, address, replyToken, clock.instant());
    }

    @Override
    public void forgetAddresses(List<Long> outboxIds) {
        for (long id : outboxIds) {
            db.update("UPDATE email_sent SET address = 'erased' WHERE outbox_id = ?", id);
        }
    }

    /** The reply token of the newest of these Message-IDs that we sent with one. */
    Optional<String> tokenFor(List<String> messageIds) {
        for (int i = messageIds.size() - 1; i >= 0; i--) {
            Optional<String> token = db.one("SELECT reply_token FROM email_sent WHERE message_id = ? AND reply_token IS NOT NULL",
                    rs -> rs.getString(1), bare(messageIds.get(i)));
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
    }

    /** The address we sent the newest of these Message-IDs to (for bounces that do not name it). */
    Optional<String> addressFor(List<String> messageIds) {
        for (int i = messageIds.size() - 1; i >= 0; i--) {
            Optional<String> address = db.one("SELECT address FROM email_sent WHERE message_id = ?",
                    rs -> rs.getString(1), bare(messageIds.get(i)));
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }

    /** Whether one of these Message-IDs is of a mail we sent to {@code address}: what makes a bounce about it believable. */
    boolean sentTo(java.util.Collection<String> messageIds, String address) {
        for (String id : messageIds) {
            if (db.count("SELECT count(*) FROM email_sent WHERE message_id = ? AND lower(address) = lower(?)", bare(id), address) > 0) {
                return true;
            }
        }
        return false;
    }

    static String bare(String messageId) {
        String s = messageId.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }
}
