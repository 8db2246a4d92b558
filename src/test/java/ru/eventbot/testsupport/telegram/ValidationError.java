package ru.eventbot.testsupport.telegram;

import java.time.Instant;

/** A call that real Telegram would reject (or that the fake could not understand), with what was wrong. */
public record ValidationError(Instant at, String method, String problem, String request) {

    @Override
    public String toString() {
        return method + ": " + problem + (request == null || request.isEmpty() ? "" : "\n      request: " + request);
    }
}
