package ru.eventbot.material;

/** An e-mail waits to be sent once its transaction commits. */
public record MaterialMailQueued(long mailId) {
}
