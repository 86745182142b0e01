package org.engagebot.enquiries;

import jakarta.inject.Singleton;
import org.engagebot.platform.ErasureParticipant;
import org.engagebot.privacy.RetentionHook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Messages to the office go when their sender asks to be forgotten, and closed ones after the retention period. */
@Singleton
class EnquiryErasure implements ErasureParticipant, RetentionHook {
    private final EnquiryStore store;

    EnquiryErasure(EnquiryStore store) {
        this.store = store;
    }

    @Override
    public void erase(long contactId, List<Long> participantIds) {
        store.deleteFor(contactId, participantIds);
    }

    @Override
    public Set<String> tables() {
        return Set.of("enquiry", "enquiry_reply");
    }

    @Override
    public String name() {
        return "enquiries";
    }

    @Override
    public int purgeClosedBefore(Instant cutoff) {
        return store.deleteClosedBefore(cutoff);
    }
}
