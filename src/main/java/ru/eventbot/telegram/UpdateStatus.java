package ru.eventbot.telegram;

enum UpdateStatus { RECEIVED, HANDLED, FAILED }
