/** Materials of events and talks: publishing, storage, full-text search, requests and their fulfilment. */
@org.springframework.modulith.ApplicationModule(displayName = "Materials")
package ru.eventbot.material;
