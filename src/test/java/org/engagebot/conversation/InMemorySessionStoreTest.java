package org.engagebot.conversation;

import java.util.concurrent.atomic.AtomicLong;

class InMemorySessionStoreTest implements SessionStoreContract {
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public SessionStore store() {
        return store;
    }

    @Override
    public long newParticipant() {
        return ids.incrementAndGet();
    }
}
