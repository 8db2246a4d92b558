package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.eventbot.testsupport.postgres.PostgresTestDatabase;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * Two instances on one PostgreSQL, each with its own search index, sharing the materials folder as in
 * docker-compose.yml: a presentation published through one is found by the other within seconds, and a participant
 * waiting for it gets it exactly once, whichever instance fulfils the request. Runs in the PostgreSQL pass.
 */
@EnabledIfSystemProperty(named = PostgresTestDatabase.SWITCH, matches = "postgres")
class MaterialFleetEndToEndTests {

    static final Duration SOON = Duration.ofSeconds(30);

    private final BotFleet fleet = new BotFleet();
    private final FakeTelegram telegram = fleet.telegram;
    private final String database = "materials_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void stopEverything() {
        fleet.close();
    }

    @Test
    void aPresentationPublishedThroughOneInstanceReachesParticipantsTalkingToTheOtherOnce() throws Exception {
        // given: the organisers' instance, and the one Telegram's webhook reaches (it registered last)
        var organisers = instance();
        await().atMost(SOON).until(() -> telegram.webhookUrl().orElse("").contains(":" + organisers.port() + "/"));
        var participants = instance();
        await().atMost(SOON).until(() -> telegram.webhookUrl().orElse("").contains(":" + participants.port() + "/"));
        shareMaterialsFolder(organisers, participants);
        var event = createEvent(organisers);
        var alexander = started(telegram.user("Александр", "Духанин"));
        alexander.sends("Особенно интересует презентация Таисии");
        assertThat(alexander.awaitMessage(SOON).text()).contains("пришлю файл, как только его опубликуют");

        // when: the organisers publish it through their instance
        var slides = MaterialEndToEndTests.pdf("Слайды Таисии");
        var published = organisers.postMultipart("/api/v1/events/" + event + "/materials",
                Map.of("title", "Как работают люди в МФЦ", "speaker", "Таисия Петрова"), "slides.pdf", slides);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        // then: the waiting participant gets it once
        var document = alexander.awaitMessage(SOON);
        assertThat(document.caption()).contains("Вы просили").contains("Таисия Петрова");
        assertThat(document.documentBytes()).isEqualTo(slides);
        alexander.noMoreMessagesWithin(Duration.ofSeconds(8)); // past the other instance's next index check

        // and: a participant asking the other instance afterwards finds it there at once
        var anna = started(telegram.user("Anna", "Smith").withLanguage("en"));
        anna.sends("Could you send me Taisia's slides?");
        assertThat(anna.awaitMessage(SOON).documentBytes()).isEqualTo(slides);
        assertThat(organisers.jdbc().queryForObject("select count(*) from material_request where status = 'WAITING'",
                Integer.class)).isZero();
        telegram.assertNoValidationErrors();
    }

    private RunningBot instance() {
        return fleet.webhookInstance(database, Map.of("eventbot.material.index-sync", "1s"));
    }

    /** As the shared volume of docker-compose.yml: the second instance's materials folder is the first one's. */
    private static void shareMaterialsFolder(RunningBot owner, RunningBot other) throws IOException {
        var shared = Files.createDirectories(owner.dataDir().resolve("materials"));
        var own = other.dataDir().resolve("materials");
        if (Files.exists(own)) {
            try (var files = Files.list(own)) {
                assertThat(files).as("nothing stored there yet").isEmpty();
            }
            Files.delete(own);
        }
        Files.createSymbolicLink(own, shared);
    }

    private static FakeUser started(FakeUser user) {
        user.sends("/start");
        user.awaitMessages(2);
        return user;
    }

    private static long createEvent(RunningBot bot) {
        var start = OffsetDateTime.now(ZoneOffset.ofHours(3)).plusDays(10).withNano(0);
        var response = bot.post("/api/v1/events", EventEndToEndTests.eventJson("Форум инноваций", start.toString(),
                start.plusHours(2).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
