package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.engagebot.platform.Leases;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.WorkerHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Long polling (the default mode). Resumes anything stored but not processed before the last stop, then
 * polls; each batch is stored before the library confirms its offset, so nothing is lost in a crash. Each getUpdates
 * the library asks for beats {@link #heartbeat()} (the previous poll has ended); /health reads it, DOWN when no poll
 * began within engagebot.telegram.health-stale-after (default 3m; a long poll lasts 50 s).
 */
@Singleton
@Requires(beans = TelegramClient.class)
@Requires(property = "engagebot.telegram.mode", value = "polling", defaultValue = "polling")
class TelegramPoller implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);

    private final TelegramSettings settings;
    private final TelegramReceiver receiver;
    private final InboundPipeline pipeline;
    private final WorkerHeartbeat heartbeat;
    private TelegramBotsLongPollingApplication application;
    private final Leases leases;

    TelegramPoller(TelegramSettings settings, TelegramReceiver receiver, InboundPipeline pipeline, Clock clock,
                   @Value("${engagebot.telegram.health-stale-after:3m}") Duration staleAfter, Leases leases) {
        this.leases = leases;
        this.settings = settings;
        this.receiver = receiver;
        this.pipeline = pipeline;
        this.heartbeat = new WorkerHeartbeat(clock, staleAfter);
    }

    WorkerHeartbeat heartbeat() {
        return heartbeat;
    }

    /** Telegram allows one getUpdates consumer per bot: with several instances, the holder of lease telegram-poll. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        heartbeat.standby(); // until the lease is taken, here or by another instance
        leases.lead("telegram-poll", this::start, this::standDown);
    }

    private synchronized void start() {
        pipeline.resume(UpdateReader.CHANNEL);
        try {
            application = new TelegramBotsLongPollingApplication();
            DefaultGetUpdatesGenerator generator = new DefaultGetUpdatesGenerator();
            application.registerBot(settings.token, settings::telegramUrl, offset -> {
                heartbeat.beat();
                return generator.apply(offset);
            }, (List<Update> updates) -> updates.forEach(this::safely));
            heartbeat.started();
            LOG.info("Telegram long polling started");
        } catch (Exception e) {
            heartbeat.stopped();
            LOG.error("Telegram long polling could not start: {}", e.getMessage());
        }
    }

    private void safely(Update update) {
        try {
            receiver.receive(update);
        } catch (RuntimeException e) {
            LOG.error("Telegram update {} could not be stored", update.getUpdateId(), e);
            throw e;
        }
    }

    /** The lease went to another instance: stop polling here. */
    private synchronized void standDown() {
        stop();
        heartbeat.standby();
    }

    @PreDestroy
    synchronized void stop() {
        heartbeat.stopped();
        if (application != null) {
            try {
                application.close();
            } catch (Exception e) {
                LOG.debug("Telegram polling stop: {}", e.getClass().getSimpleName());
            }
            application = null;
        }
    }
}
