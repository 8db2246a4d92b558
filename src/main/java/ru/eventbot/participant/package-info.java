/** Who is subscribed, in which language, with what consent, and whether they blocked the bot. */
@org.springframework.modulith.ApplicationModule(displayName = "Participants")
package ru.eventbot.participant;
