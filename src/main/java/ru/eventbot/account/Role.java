package ru.eventbot.account;

public enum Role { ORGANISER, ADMIN }
