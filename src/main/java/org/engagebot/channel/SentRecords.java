package org.engagebot.channel;

import java.util.List;

/**
 * A channel's own record of outbox rows it sent (email keeps each Message-ID with its address, to thread replies and
 * place bounces). When an erased person's goodbye has been delivered, privacy asks every such record to forget the
 * address it was sent to; the record stays for threading.
 */
public interface SentRecords {

    /** Blanks the address on the records of these outbox rows; nothing for rows it has no record of. */
    void forgetAddresses(List<Long> outboxIds);
}
