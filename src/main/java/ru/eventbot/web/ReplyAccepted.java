package ru.eventbot.web;

record ReplyAccepted(long id, String status) {
}
