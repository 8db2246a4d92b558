package ru.eventbot.testsupport.telegram;

/** A button of an inline keyboard; {@code callbackData} is null for URL and other non-callback buttons. */
public record InlineButton(String label, String callbackData, String url) {
}
