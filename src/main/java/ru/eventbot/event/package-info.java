/** Events, their talks and speakers, attendance (RSVP), reminders and change notices. */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package ru.eventbot.event;
