package ru.eventbot.telegram;

/** How one call to Telegram ended, after the gateway's retries. */
record GatewayResult<T>(Outcome outcome, T value, String error) {

    /** NOT_SENT: the call was never made (the application is stopping); it may be tried again later. */
    enum Outcome { DONE, BLOCKED, FAILED, NOT_SENT }

    static <T> GatewayResult<T> done(T value) {
        return new GatewayResult<>(Outcome.DONE, value, null);
    }

    static <T> GatewayResult<T> blocked(String description) {
        return new GatewayResult<>(Outcome.BLOCKED, null, description);
    }

    static <T> GatewayResult<T> failed(String error) {
        return new GatewayResult<>(Outcome.FAILED, null, error);
    }

    static <T> GatewayResult<T> notSent(String why) {
        return new GatewayResult<>(Outcome.NOT_SENT, null, why);
    }

    boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
