package ru.eventbot.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class ConversationMessage {

    static final int MAX_TEXT = 8192;

    /** Assigned from {@code conversation_message_seq} by {@link MessageIds}; rows are written by {@link ConversationLog}. */
    @Id
    private Long id;

    private Long telegramUserId;

    @Column(nullable = false)
    private long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private MessageKind kind;

    @Column(length = MAX_TEXT)
    private String text;

    /** The keyboard and callback query id of an outgoing message, as JSON. */
    @Column(length = 16384)
    private String payload;

    private Long telegramMessageId;
    private Long updateId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private DeliveryStatus deliveryStatus;

    @Column(length = 1000)
    private String deliveryError;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant sentAt;

    /** The instance that queued an outgoing message and sends it (written with plain SQL by the conversation log). */
    @Column(length = 128, insertable = false, updatable = false)
    private String owner;

    protected ConversationMessage() {
    }

    static ConversationMessage inbound(InboundMessage in, Instant now) {
        var message = new ConversationMessage();
        message.telegramUserId = in.telegramUserId();
        message.chatId = in.chatId();
        message.direction = Direction.IN;
        message.kind = in.kind();
        message.text = clip(in.text());
        message.telegramMessageId = in.telegramMessageId();
        message.updateId = in.updateId();
        message.createdAt = now;
        return message;
    }

    static ConversationMessage delivered(SentCopy copy, Instant now) {
        var message = new ConversationMessage();
        message.telegramUserId = copy.telegramUserId();
        message.chatId = copy.chatId();
        message.direction = Direction.OUT;
        message.kind = copy.kind();
        message.text = clip(copy.text());
        message.telegramMessageId = copy.telegramMessageId();
        message.deliveryStatus = DeliveryStatus.SENT;
        message.createdAt = now;
        return message;
    }

    static ConversationMessage outbound(OutgoingMessage out, String payload, Long updateId, DeliveryStatus status,
                                        Instant now) {
        var message = new ConversationMessage();
        message.telegramUserId = out.telegramUserId();
        message.chatId = out.chatId();
        message.direction = Direction.OUT;
        message.kind = out.kind();
        message.text = clip(out.text());
        message.payload = payload;
        message.updateId = updateId;
        message.deliveryStatus = status;
        message.createdAt = now;
        return message;
    }

    void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("Message " + this.id + " already has an id");
        }
        this.id = id;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    public Long getId() { return id; }
    public Long getTelegramUserId() { return telegramUserId; }
    public long getChatId() { return chatId; }
    public Direction getDirection() { return direction; }
    public MessageKind getKind() { return kind; }
    public String getText() { return text; }
    public String getPayload() { return payload; }
    public Long getTelegramMessageId() { return telegramMessageId; }
    public Long getUpdateId() { return updateId; }
    public DeliveryStatus getDeliveryStatus() { return deliveryStatus; }
    public String getDeliveryError() { return deliveryError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
