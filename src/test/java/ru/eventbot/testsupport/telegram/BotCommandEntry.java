package ru.eventbot.testsupport.telegram;

/** A command registered with setMyCommands. */
public record BotCommandEntry(String command, String description) {
}
