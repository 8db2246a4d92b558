/** Likes, ratings and comments on events, and the figures organisers read from them. */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package ru.eventbot.feedback;
