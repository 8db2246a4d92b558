/** Several instances on one PostgreSQL: who is running (leases), what a lost instance left, timers that fire once. */
@org.springframework.modulith.ApplicationModule(displayName = "Fleet")
package ru.eventbot.fleet;
