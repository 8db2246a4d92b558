/** Every message in and out of the bot; the outbox the Telegram gateway drains; organisers' inbox and replies. */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package ru.eventbot.conversation;
