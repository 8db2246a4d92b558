package ru.eventbot.telegram;

/** How one call to Telegram ended, after the gateway's retries. */
record GatewayResult<T>(Outcome outcome, T value, String error) {

    enum Outcome { DONE, BLOCKED, FAILED }

    static <T> GatewayResult<T> done(T value) {
        return new GatewayResult<>(Outcome.DONE, value, null);
    }

    static <T> GatewayResult<T> blocked(String description) {
        return new GatewayResult<>(Outcome.BLOCKED, null, description);
    }

    static <T> GatewayResult<T> failed(String error) {
        return new GatewayResult<>(Outcome.FAILED, null, error);
    }

    boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
