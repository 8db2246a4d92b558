package ru.eventbot.account;

/** An account's password or role changed: what was verified with the old one must be checked again. */
record AccountChanged(String username) {
}
