package ru.eventbot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param dataDir where the bot keeps its files: the H2 database, the outbox claim journal, later the search index */
@ConfigurationProperties("eventbot")
public record StorageProperties(@DefaultValue("./data") Path dataDir) {
}
