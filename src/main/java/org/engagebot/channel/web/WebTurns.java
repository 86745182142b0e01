package org.engagebot.channel.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.StepView;
import org.engagebot.conversation.StepViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The web adapter's whole contact with the engine: an input goes through the {@link InboundPipeline} like any chat
 * message (stored in the inbox first, deduplicated by its id, flood-guarded, one engine step, replies to the
 * outbox); the page waits for that message to be processed, then takes the replies queued for the session on channel
 * "web" (marking them shown) and reads the participant's place as a {@link StepView}.
 */
@Singleton
class WebTurns {
    static final String CHANNEL = "web";
    private static final Logger LOG = LoggerFactory.getLogger(WebTurns.class);

    private final InboundPipeline pipeline;
    private final Outbox outbox;
    private final Participants participants;
    private final StepViews views;
    private final WebSettings settings;

    WebTurns(InboundPipeline pipeline, Outbox outbox, Participants participants, StepViews views, WebSettings settings) {
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.participants = participants;
        this.views = views;
        this.settings = settings;
    }

    /**
     * What the engine said in one turn ({@code replies}) and the messages that were already waiting for the session
     * (a staff reply, a notice: {@code earlier}), which the turn marked shown, so the page must show them.
     */
    record Turn(List<OutboundMessage> earlier, List<OutboundMessage> replies, boolean finished) {
        static final Turn NONE = new Turn(List.of(), List.of(), true);

        /** A page view (a GET that sends nothing): what is waiting, shown and left queued. */
        static Turn waiting(List<OutboundMessage> queued) {
            return new Turn(queued, List.of(), true);
        }

        /**
         * This turn after {@code before} (a language switch sent just before it): the messages that turn took are shown
         * first; its own reply (a chat's thank-you and the question again) is not the page's.
         */
        Turn after(Turn before) {
            List<OutboundMessage> all = new java.util.ArrayList<>(before.earlier());
            all.addAll(earlier);
            return new Turn(List.copyOf(all), replies, finished);
        }

        @Nullable
        String problem() {
            return replies.stream().map(OutboundMessage::problem).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        }

        List<String> texts() {
            return java.util.stream.Stream.concat(earlier.stream(), replies.stream()).map(OutboundMessage::text).filter(t -> t != null && !t.isBlank()).toList();
        }
    }

    /** Sends one input as message {@code messageId} of this session and waits for the engine's answer. */
    Turn send(String sessionKey, String messageId, Input input) {
        int waitingBefore = outbox.queued(CHANNEL, sessionKey).size();
        var processed = pipeline.accept(new InboundMessage(CHANNEL, messageId, sessionKey, null, input, null), null);
        boolean finished = true;
        try {
            processed.get(settings.turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Web message {} not processed within {}; the page shows what is there", messageId, settings.turnTimeout);
            finished = false;
        } catch (ExecutionException e) {
            LOG.error("Web message {} failed", messageId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        List<OutboundMessage> taken = waiting(sessionKey);
        int split = Math.min(waitingBefore, taken.size());
        return new Turn(taken.subList(0, split), taken.subList(split, taken.size()), finished);
    }

    /** Messages queued for this session since its last page (e.g. a notice sent to it), marked shown. */
    List<OutboundMessage> waiting(String sessionKey) {
        return outbox.takeQueued(CHANNEL, sessionKey).stream().map(Outbox.Shown::message).toList();
    }

    /** The same messages, left queued: a GET shows them and changes nothing; the session's next turn takes them. */
    List<OutboundMessage> peekWaiting(String sessionKey) {
        return outbox.queued(CHANNEL, sessionKey);
    }

    Optional<OutboundMessage> lastShown(String sessionKey) {
        return outbox.lastShown(CHANNEL, sessionKey);
    }

    Optional<Participant> participant(String sessionKey) {
        return sessionKey == null ? Optional.empty() : participants.find(CHANNEL, sessionKey);
    }

    Optional<StepView> view(Participant participant) {
        return views.of(participant);
    }
}
