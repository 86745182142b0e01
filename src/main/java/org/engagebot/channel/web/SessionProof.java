package org.engagebot.channel.web;

import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participant;

/**
 * A web session that proves an address (the code typed back links it to a contact) moves to a new cookie, and every
 * other browser's cookie for it ends: a cookie planted in the victim's browser, or copied from it, must not give the
 * planter a session that now opens the contact's details (forms offer them as answers). As a resume link does.
 */
@Singleton
class SessionProof {
    private final ContactService contacts;
    private final WebSessions sessions;
    private final WebRequests web;

    SessionProof(ContactService contacts, WebSessions sessions, WebRequests web) {
        this.contacts = contacts;
        this.sessions = sessions;
        this.web = web;
    }

    boolean proven(Participant participant) {
        return contacts.forParticipant(participant).isPresent();
    }

    /** The cookie this browser keeps the session under from now on. */
    Cookie moveOn(String key) {
        return web.cookie(sessions.rotate(key).token());
    }
}
