package org.engagebot.channel;

import io.micronaut.core.order.Ordered;

import java.util.List;
import java.util.Optional;

/**
 * A feature's claim on a person's email that carries none of our reply tokens (those go to its
 * {@link MailReplyHandler}), e.g. a consultation named by its reference in the subject. The email channel asks its
 * routes in {@link #getOrder()} order after its own (reply tokens, command words) and before its forms; the first
 * that answers wins. Called inside the inbound transaction; auto-replies and bounces never reach a route.
 */
public interface MailRoute extends Ordered {

    /**
     * The answer to send back when the mail is this route's; empty to let the next route look.
     *
     * @param inForm whether the sender is part-way through an email form (whose answers may look like anything)
     */
    Optional<List<OutboundMessage>> route(MailReply reply, boolean inForm);
}
