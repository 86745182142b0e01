package org.engagebot.newsletters;

import org.engagebot.contacts.Reachability;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.OutboxBatches;
import org.engagebot.channel.SendResult;
import org.engagebot.conversation.Language;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What staff look at before and during a send: audience counts, one recipient's rendering, per-recipient status. */
@Singleton
public class NewsletterInsights {
    private final NewsletterStore store;
    private final AudienceQuery audience;
    private final Reachability reach;
    private final NewsletterRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final OutboxBatches batches;

    NewsletterInsights(NewsletterStore store, AudienceQuery audience, NewsletterRenderer renderer, UnsubscribeTokens tokens,
                       OutboxBatches batches, Reachability reach) {
        this.store = store;
        this.reach = reach;
        this.audience = audience;
        this.renderer = renderer;
        this.tokens = tokens;
        this.batches = batches;
    }

    @Serdeable
    public record AudienceCounts(long contacts, long email, long telegram, long total, long skippedEmailOnHold,
                                 long skippedNoChannel, long welsh, long english, long bothLanguages) {
    }

    @Serdeable
    public record Preview(String channel, String address, String language, String subject, String text,
                          String emailHtml, String telegramHtml, List<String> buttons, Map<String, String> emailHeaders) {
        static Preview of(String channel, String address, String language, OutboundMessage m) {
            return new Preview(channel, address, language, m.subject(), m.text(), m.emailHtml(), m.telegramHtml(),
                    m.choices().stream().map(c -> c.label() + " → " + c.value()).toList(), m.emailHeaders());
        }
    }

    @Serdeable
    public record RecipientStatus(long id, String channel, String address, String status, String reason, int attempts) {
    }

    /** Counts the current audience page by page (never all contacts in memory). */
    public Optional<AudienceCounts> audience(long id) {
        return store.byId(id).map(n -> count(n.audience()));
    }

    /** Counts who an audience would reach now, before any newsletter exists (the console's audience picker). */
    public AudienceCounts count(Audience who) {
        long contacts = 0, email = 0, telegram = 0, onHold = 0, none = 0, cursor = 0, welsh = 0, english = 0, both = 0;
        while (true) {
            AudienceBatch page = audience.next(who, cursor, 1000);
            if (page.contacts() == 0) {
                return new AudienceCounts(contacts, email, telegram, email + telegram, onHold, none, welsh, english, both);
            }
            for (Recipient r : page.recipients()) {
                if (r.language() == null) {
                    both++;
                } else if (r.language() == org.engagebot.conversation.Language.CY) {
                    welsh++;
                } else {
                    english++;
                }
            }
            contacts += page.contacts();
            onHold += page.onHold();
            none += page.noChannel();
            email += page.recipients().stream().filter(r -> r.channel().equals("email")).count();
            telegram += page.recipients().stream().filter(r -> r.channel().equals("telegram")).count();
            cursor = page.lastContactId();
        }
    }

    /** The message one contact would get on a channel ("email" or "telegram"); empty if they have no such address. */
    public Optional<Preview> preview(long id, long contactId, String channel) {
        Optional<Newsletter> n = store.byId(id);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return reach.address(contactId, "telegram".equals(channel) ? "telegram" : "email").map(t -> {
            Language language = t.language();
            NewsletterRenderer.Template template = renderer.template(n.get(), language);
            OutboundMessage message = "telegram".equals(channel) ? renderer.telegram(template)
                    : renderer.email(template, tokens.issue(contactId));
            return Preview.of("telegram".equals(channel) ? "telegram" : "email", t.address(),
                    language == null ? "cy+en" : language.code(), message);
        });
    }

    /** Recipients in outbox order after {@code afterId}: queued (incl. held and in flight), sent, failed with reason, bounced. */
    public List<RecipientStatus> recipients(long id, long afterId, int limit) {
        return recipients(id, null, afterId, limit).orElseThrow();
    }

    /**
     * As {@link #recipients(long, long, int)}, only those with {@code status} (queued, sent, failed, bounced; null for
     * all); empty when the status is not one of these.
     */
    public Optional<List<RecipientStatus>> recipients(long id, String status, long afterId, int limit) {
        Optional<OutboxBatches.Outcome> outcome;
        if (status == null || status.isBlank()) {
            outcome = Optional.empty();
        } else {
            switch (status) {
                case "queued" -> outcome = Optional.of(OutboxBatches.Outcome.QUEUED);
                case "sent" -> outcome = Optional.of(OutboxBatches.Outcome.SENT);
                case "failed" -> outcome = Optional.of(OutboxBatches.Outcome.FAILED);
                case "bounced" -> outcome = Optional.of(OutboxBatches.Outcome.BOUNCED);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(batches.rows(NewsletterEnqueuer.BATCH, id, outcome, afterId, limit).stream()
                .map(r -> new RecipientStatus(r.id(), r.channel(), r.address(), simple(r.status(), r.lastError()),
                        r.lastError(), r.attempts())).toList());
    }

    private static String simple(String status, String reason) {
        if (status.equals("SENT")) {
            return "sent";
        }
        if (status.equals("FAILED")) {
            return FailureReason.of(reason) == FailureReason.BOUNCED ? "bounced" : "failed";
        }
        return "queued";
    }
}
