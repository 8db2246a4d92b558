/** Organiser accounts for the dashboard and the HTTP API: stored with BCrypt hashes, the first one from the environment. */
@org.springframework.modulith.ApplicationModule(displayName = "Organiser accounts")
package ru.eventbot.account;
