package ru.eventbot.sandbox;

/** A Bot API call the stand-in refuses, answered like Telegram: {@code {"ok":false,"error_code":...}}. */
final class BotApiFailure extends RuntimeException {

    private final int code;

    private BotApiFailure(int code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static BotApiFailure badRequest(String what) {
        return new BotApiFailure(400, "Bad Request: " + what);
    }

    static BotApiFailure forbidden(String what) {
        return new BotApiFailure(403, "Forbidden: " + what);
    }

    static BotApiFailure unauthorized() {
        return new BotApiFailure(401, "Unauthorized");
    }

    static BotApiFailure notFound() {
        return new BotApiFailure(404, "Not Found");
    }

    static BotApiFailure conflict(String what) {
        return new BotApiFailure(409, "Conflict: " + what);
    }
}
