package ru.eventbot.conversation;

/** What became of one outgoing message. */
public record DeliveryOutcome(long messageId, DeliveryStatus status, Long telegramMessageId, String error) {

    public static DeliveryOutcome sent(long messageId, Long telegramMessageId) {
        return new DeliveryOutcome(messageId, DeliveryStatus.SENT, telegramMessageId, null);
    }

    public static DeliveryOutcome failed(long messageId, String error) {
        return new DeliveryOutcome(messageId, DeliveryStatus.FAILED, null, error);
    }

    /** The call was never made (the application is stopping): back to PENDING, sent after the restart. */
    public static DeliveryOutcome notSent(long messageId, String why) {
        return new DeliveryOutcome(messageId, DeliveryStatus.PENDING, null, why);
    }

    /** The call may or may not have reached Telegram: never sent again. */
    public static DeliveryOutcome uncertain(long messageId, String error) {
        return new DeliveryOutcome(messageId, DeliveryStatus.UNCERTAIN, null, error);
    }

    public static DeliveryOutcome blocked(long messageId) {
        return new DeliveryOutcome(messageId, DeliveryStatus.BLOCKED, null, "bot was blocked by the user");
    }
}
