/**
 * The only module that speaks Telegram: durable update intake (long polling and webhook), routing of updates to
 * handlers, keyboards, and the outbound gateway with its rate and error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telegram")
package ru.eventbot.telegram;
