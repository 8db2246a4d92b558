package ru.eventbot.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organiser's reply; Telegram takes 1-4096 characters of text. */
record ReplyRequest(@NotBlank @Size(max = 4096) String text) {
}
