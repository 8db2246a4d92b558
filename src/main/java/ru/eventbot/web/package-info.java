/** The organisers' HTTP API under /api/v1 (and later the dashboard), with its security and problem+json errors. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package ru.eventbot.web;
