package ru.eventbot.conversation;

/** An inline keyboard button: what it says and the callback data it sends back (at most 64 bytes). */
public record Button(String label, String data) {
}
