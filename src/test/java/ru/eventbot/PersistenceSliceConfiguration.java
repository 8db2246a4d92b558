package ru.eventbot;

import java.time.Instant;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.ConversationWriteSide;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.broadcast.ChannelPosts;
import ru.eventbot.broadcast.ChannelProperties;
import ru.eventbot.event.EventProperties;
import ru.eventbot.event.EventService;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.fleet.FleetProperties;
import ru.eventbot.participant.ParticipantProperties;
import ru.eventbot.participant.ParticipantService;

/**
 * The participant and conversation services over the real schema (with {@code @DataJpaTest}: Flyway migrations on
 * an embedded H2, Hibernate validating the mapping), a clock the tests move, and the application's own JsonMapper.
 * Shared by the persistence slices so that they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ParticipantService.class, ConversationService.class, ConversationWriteSide.class, EventService.class,
        BroadcastService.class, ChannelPosts.class, ru.eventbot.feedback.FeedbackService.class,
        ru.eventbot.feedback.CommentPrompts.class, UniqueRows.class,
        Fleet.class})
@EnableConfigurationProperties({FleetProperties.class, StorageProperties.class})
public class PersistenceSliceConfiguration {

    public static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    public static final String CONSENT_VERSION = "consent-test-v3";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    ChannelProperties noChannel() {
        return new ChannelProperties(null);
    }

    @Bean
    EventProperties eventProperties() {
        return new EventProperties(java.time.ZoneId.of("Europe/Moscow"), java.util.List.of(), java.time.Duration.ofMinutes(30),
                java.time.Duration.ofDays(30), 5, java.time.Duration.ofHours(12));
    }

    @Bean
    ParticipantProperties participantProperties() {
        return new ParticipantProperties(CONSENT_VERSION);
    }
}
