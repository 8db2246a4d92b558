package ru.eventbot.feedback;

/** Where a like came from: the 👍 button, or a 👍 ❤ 🔥 reaction on a bot message about the event. */
public enum LikeSource {
    BUTTON, REACTION
}
