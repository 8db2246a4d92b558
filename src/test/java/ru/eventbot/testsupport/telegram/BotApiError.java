package ru.eventbot.testsupport.telegram;

import java.io.Serial;

/**
 * An error answer of the fake Bot API: {@code {"ok":false,"error_code":...,"description":...}}.
 * {@code validationProblem} marks errors caused by an invalid call (a bug in the bot) rather than by the
 * simulated world (blocked user, unknown message...); those end up in {@link FakeTelegram#validationErrors()}.
 */
final class BotApiError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String detail;
    private final Integer retryAfter;
    private final boolean validationProblem;

    private BotApiError(int errorCode, String description, String detail, Integer retryAfter,
                        boolean validationProblem) {
        super(description, null, false, false);
        this.errorCode = errorCode;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.validationProblem = validationProblem;
    }

    private BotApiError(int errorCode, String description, Integer retryAfter, boolean validationProblem) {
        this(errorCode, description, description, retryAfter, validationProblem);
    }

    static BotApiError badRequest(String what) {
        return new BotApiError(400, "Bad Request: " + what, what, null, false);
    }

    static BotApiError invalidCall(String what) {
        return new BotApiError(400, "Bad Request: " + what, what, null, true);
    }

    static BotApiError unauthorized() {
        return new BotApiError(401, "Unauthorized", null, true);
    }

    static BotApiError forbidden(String what) {
        return new BotApiError(403, "Forbidden: " + what, null, false);
    }

    static BotApiError notFound(boolean validationProblem) {
        return new BotApiError(404, "Not Found", null, validationProblem);
    }

    static BotApiError conflict(String what) {
        return new BotApiError(409, "Conflict: " + what, null, false);
    }

    static BotApiError tooManyRequests(int retryAfterSeconds) {
        return new BotApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, false);
    }

    static BotApiError serverError(int status) {
        String description = status == 502 ? "Bad Gateway" : "Internal Server Error";
        return new BotApiError(status, description, null, false);
    }

    int errorCode() {
        return errorCode;
    }

    String description() {
        return getMessage();
    }

    /** The description without Telegram's "Bad Request: " prefix. */
    String detail() {
        return detail;
    }

    Integer retryAfter() {
        return retryAfter;
    }

    boolean validationProblem() {
        return validationProblem;
    }
}
