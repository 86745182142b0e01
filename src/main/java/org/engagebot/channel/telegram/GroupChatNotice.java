package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A person's message in a group or supergroup (quarantined: the bot talks only in private chats) gets one short
 * answer in Welsh and English pointing to a private chat, at most once a day per group; the time is stored, so a
 * restart does not answer again. Never answers a bot (itself included: its own answer cannot start a loop), a
 * service message, or a channel post (an answer there would be published to all its subscribers).
 */
@Singleton
@Requires(beans = TelegramClient.class)
class GroupChatNotice {
    static final Duration ONCE_PER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(GroupChatNotice.class);
    private static final Set<String> GROUPS = Set.of("group", "supergroup");
    private static final String CLAIM = "INSERT INTO telegram_group_notice (chat_id, notified_at) VALUES (?, ?) "
            + "ON CONFLICT (chat_id) DO UPDATE SET notified_at = excluded.notified_at "
            + "WHERE telegram_group_notice.notified_at <= ?";

    private final Db db;
    private final Transactions tx;
    private final Outbox outbox;
    private final Messages messages;
    private final TelegramClient client;
    private final Clock clock;
    private final AtomicReference<User> me = new AtomicReference<>();

    GroupChatNotice(Db db, Transactions tx, Outbox outbox, Messages messages, TelegramClient client, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.messages = messages;
        this.client = client;
        this.clock = clock;
    }

    /** Called for an update that was quarantined; answers it when it is a person's message in a group. */
    void consider(Update update) {
        Message m = update.hasMessage() ? update.getMessage() : null;
        if (m == null || m.getChat() == null || m.getChatId() == null || !GROUPS.contains(m.getChat().getType())
                || m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot()) || isService(m)) {
            return;
        }
        User bot = bot();
        if (bot == null || bot.getId().equals(m.getFrom().getId())) {
            return;
        }
        String chat = m.getChatId().toString();
        Instant now = clock.instant();
        Text text = messages.get("telegram.group-only", bot.getUserName());
        boolean answered = tx.write(() -> {
            if (db.update(CLAIM, chat, now, now.minus(ONCE_PER)) != 1) {
                return false;
            }
            outbox.enqueueReply(UpdateReader.CHANNEL, chat, OutboundMessage.text(text.cy() + "\n\n" + text.en()));
            return true;
        });
        if (answered) {
            LOG.info("Telegram update {} from a group: told the group to talk in private", update.getUpdateId());
            outbox.wake(UpdateReader.CHANNEL);
        }
    }

    /** Someone joining or leaving, a title or photo changed, a pinned message: nobody spoke to the bot. */
    private static boolean isService(Message m) {
        return !m.hasText() && (m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty()
                || m.getLeftChatMember() != null || m.getNewChatTitle() != null || m.getPinnedMessage() != null
                || m.getMigrateFromChatId() != null || m.getMigrateToChatId() != null);
    }

    /** The bot's own user (its id and @name), asked of the Bot API once; null while the API cannot say. */
    private User bot() {
        User known = me.get();
        if (known != null) {
            return known;
        }
        try {
            User asked = client.execute(new GetMe());
            if (asked != null && asked.getUserName() != null) {
                me.set(asked);
            }
            return me.get();
        } catch (TelegramApiException e) {
            LOG.warn("Telegram getMe failed ({}): a group is not answered this time", e.getClass().getSimpleName());
            return null;
        }
    }
}
