package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxItem;
import org.engagebot.channel.SendResult;
import org.engagebot.conversation.Choice;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends outbox items as Telegram messages in HTML mode: text escaped (or the item's own Telegram HTML),
 * split at 4,096 characters with tags balanced, choices as inline buttons under the last part.
 * 429 pauses the channel for retry_after; a blocked bot or unknown chat fails for good.
 */
@Singleton
@Requires(beans = TelegramClient.class)
class TelegramSender implements ChannelSender {
    private final TelegramClient client;
    private final TelegramSettings settings;

    TelegramSender(TelegramClient client, TelegramSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public String channel() {
        return UpdateReader.CHANNEL;
    }

    @Override
    public double bulkRatePerSecond() {
        return settings.bulkRate;
    }

    @Override
    public long perAddressSpacingMillis() {
        return 1000;
    }

    @Override
    public int concurrency() {
        return 8;
    }

    @Override
    public SendResult send(OutboxItem item) {
        OutboundMessage m = Outbox.read(item.payload(), OutboundMessage.class);
        String html = m.telegramHtml() != null ? m.telegramHtml() : TelegramText.escapeHtml(m.text());
        List<String> parts = TelegramText.split(html, TelegramText.MESSAGE_LIMIT);
        if (parts.isEmpty()) {
            return new SendResult.Failed("empty message");
        }
        String lastId = null;
        try {
            for (int i = 0; i < parts.size(); i++) {
                SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(item.address()).text(parts.get(i))
                        .parseMode(ParseMode.HTML).disableWebPagePreview(true);
                if (i == parts.size() - 1 && !m.choices().isEmpty()) {
                    b.replyMarkup(keyboard(m.choices()));
                }
                Message sent = client.execute(b.build());
                lastId = sent == null ? null : Integer.toString(sent.getMessageId());
            }
            return new SendResult.Sent(lastId);
        } catch (TelegramApiRequestException e) {
            return failure(e);
        } catch (TelegramApiException e) {
            return new SendResult.Retry(Duration.ofSeconds(5), "network: " + e.getClass().getSimpleName(), false);
        }
    }

    private static SendResult failure(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        if (code != null && code == 429) {
            int after = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? e.getParameters().getRetryAfter() : 5;
            return new SendResult.Retry(Duration.ofSeconds(after), "429 retry after " + after + " s", true);
        }
        if (code != null && (code == 403 || code == 400)) {
            return new SendResult.Failed(code + ": " + e.getApiResponse());
        }
        return new SendResult.Retry(Duration.ofSeconds(5), (code == null ? "error" : code.toString()), false);
    }

    /** One button a row, or two a row when labels are short, as Telegram clients show them best. */
    private static InlineKeyboardMarkup keyboard(List<Choice> choices) {
        boolean shortLabels = choices.stream().allMatch(c -> c.label().length() <= 14) && choices.size() > 3;
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Choice c : choices) {
            String data = c.value().getBytes(StandardCharsets.UTF_8).length > 64 ? c.value().substring(0, 60) : c.value();
            row.add(InlineKeyboardButton.builder().text(c.label()).callbackData(data).build());
            if (!shortLabels || row.size() == 2) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
