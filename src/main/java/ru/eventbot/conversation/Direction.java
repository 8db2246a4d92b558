package ru.eventbot.conversation;

public enum Direction { IN, OUT }
