package ru.eventbot.telegram;

import java.io.ByteArrayInputStream;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.eventbot.conversation.OutboxMessage;
import ru.eventbot.feedback.RatingChart;

/**
 * Sends an event's rating histogram as a photo, drawn from the figures as they are when it goes out. A new stream
 * for each attempt: the gateway may have to send it again after a network error.
 */
@Component
class ChartSender {

    private final TelegramGateway gateway;
    private final RatingChart charts;

    ChartSender(TelegramGateway gateway, RatingChart charts) {
        this.gateway = gateway;
        this.charts = charts;
    }

    GatewayResult<Message> send(OutboxMessage message) {
        var png = charts.png(message.attachmentId());
        return gateway.call("sendPhoto", client -> client.execute(SendPhoto.builder()
                .chatId(message.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png), "ratings-" + message.attachmentId() + ".png"))
                .caption(message.text())
                .build()));
    }
}
