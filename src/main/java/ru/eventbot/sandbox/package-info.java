/**
 * Sandbox mode, for trying the bot without Telegram: started when there is no bot token, it serves an in-process
 * stand-in for the Bot API that the bot talks to over HTTP exactly as to Telegram, a chat page at {@code /sandbox}
 * where people play participants and an organiser, and demo data from the story the bot comes from. Nothing here
 * imports {@code org.telegram.*}: the stand-in speaks the Bot API's JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox")
package ru.eventbot.sandbox;
