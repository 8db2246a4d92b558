/** Announcements, reminders and change notices, and their durable per-recipient delivery. */
@org.springframework.modulith.ApplicationModule(displayName = "Broadcasts")
package ru.eventbot.broadcast;
