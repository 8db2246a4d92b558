package ru.eventbot.testsupport.telegram;

import java.time.Duration;

/** A misbehaviour the fake can inject into Bot API calls; see {@link FakeTelegram#failNext}. */
public sealed interface Fault {

    /** 429 {@code Too Many Requests: retry after N} with {@code parameters.retry_after = N}. */
    static Fault tooManyRequests(int retryAfterSeconds) {
        return new TooManyRequests(retryAfterSeconds);
    }

    /** A 5xx status (500, 502...) with an {@code ok:false} body. The call is not executed. */
    static Fault serverError(int status) {
        return new ServerError(status);
    }

    /** 200 with a body that is not JSON (like an HTML error page from a proxy). The call is not executed. */
    static Fault malformedJson() {
        return new MalformedJson();
    }

    /**
     * Waits, then executes the call normally. The call is executed even if the client has given up meanwhile,
     * as with a real slow server, so a retrying client may cause duplicates.
     */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Closes the TCP connection without any response (the client sees "unexpected end of stream"). The call is
     * not executed. Note that OkHttp silently retries a request once when a pooled (reused) connection fails this
     * way, so to make a single call fail, inject the fault more than once.
     */
    static Fault connectionReset() {
        return new ConnectionReset();
    }

    /**
     * Holds the request without answering for {@code duration}, then drops the connection; the call is not
     * executed. What a client sees when Telegram (or the network on the way) hangs: its read timeout.
     */
    static Fault timeout(Duration duration) {
        return new Timeout(duration);
    }

    record Timeout(Duration duration) implements Fault {
    }

    record TooManyRequests(int retryAfterSeconds) implements Fault {
    }

    record ServerError(int status) implements Fault {
    }

    record MalformedJson() implements Fault {
    }

    record Delay(Duration duration) implements Fault {
    }

    record ConnectionReset() implements Fault {
    }
}
