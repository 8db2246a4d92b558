package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.eventbot.testsupport.postgres.PostgresTestDatabase;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * Two instances in webhook mode behind a load balancer (this test, posting each update to one of them) on one
 * PostgreSQL, one of them stopped in the middle: every recipient of a broadcast gets it exactly once, every update
 * is handled once, each chat's in order. Runs in the PostgreSQL pass of the build.
 */
@EnabledIfSystemProperty(named = PostgresTestDatabase.SWITCH, matches = "postgres")
class FleetEndToEndTests {

    static final String SECRET = BotFleet.SECRET;
    static final String PATH = BotFleet.WEBHOOK_PATH;
    static final String ANNOUNCEMENT = "Форум инноваций: программа второго дня";

    static final int POSTERS = 10;

    private final BotFleet fleet = new BotFleet();
    private final FakeTelegram telegram = fleet.telegram;
    private final String database = "fleet_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void stopEverything() {
        fleet.close();
    }

    @Test
    void twoInstancesShareABroadcastAndAStreamOfUpdatesAndOneStopsInTheMiddle() throws Exception {
        // given: two instances on one database, 2,000 subscribers, 500 chats that will write
        var first = instance();
        var second = instance();
        var subscribers = Subscribers.storedAtOnce(telegram, first, 2_000, "Подписчик", 7_000_000L);
        var writers = new ArrayList<FakeUser>();
        for (int i = 0; i < 500; i++) {
            writers.add(telegram.user("Участник", "№" + i).knownToTheBot());
        }

        // when: a broadcast starts, 5,000 updates arrive through both, and the second instance stops halfway
        var broadcast = first.post("/api/v1/broadcasts", "{\"text\":\"" + ANNOUNCEMENT + "\",\"audience\":\"ALL\"}");
        assertThat(broadcast.status()).isEqualTo(202);
        var id = broadcast.json().get("id").asLong();
        var secondStopped = new AtomicBoolean();
        var posters = new ArrayList<CompletableFuture<Void>>();
        for (int poster = 0; poster < POSTERS; poster++) {
            var own = poster;
            posters.add(CompletableFuture.runAsync(() -> post(writers, own, List.of(first, second), secondStopped),
                    Executors.newSingleThreadExecutor()));
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> sent(first, id) >= 800); // the middle of the broadcast
        second.stop();
        secondStopped.set(true);
        CompletableFuture.allOf(posters.toArray(CompletableFuture[]::new)).get();

        // then: every recipient once
        await().atMost(Duration.ofMinutes(2)).until(() -> "DONE".equals(first.get("/api/v1/broadcasts/" + id)
                .json().get("status").asText()));
        var figures = first.get("/api/v1/broadcasts/" + id).json();
        assertThat(figures.get("total").asInt()).isEqualTo(2_000);
        assertThat(figures.get("sent").asInt()).isEqualTo(2_000);
        assertThat(subscribers).allSatisfy(subscriber -> assertThat(telegram.messagesTo(subscriber.chatId()))
                .filteredOn(message -> ANNOUNCEMENT.equals(message.text())).hasSize(1));

        // and: every update handled once, each chat's in the order of its update ids
        await().atMost(Duration.ofMinutes(2)).until(() -> handledUpdates(first) == 5_000);
        assertThat(storedUpdates(first)).isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> writers.stream()
                .allMatch(writer -> telegram.messagesTo(writer.chatId()).size() >= 10));
        assertThat(writers).allSatisfy(writer -> assertThat(telegram.messagesTo(writer.chatId())).hasSize(10));
        var outOfOrder = first.jdbc().queryForObject("select count(*) from inbound_update a join inbound_update b "
                + "on a.chat_id = b.chat_id and a.update_id < b.update_id and a.handled_at > b.handled_at", Long.class);
        assertThat(outOfOrder).isZero();
        var handledBy = first.jdbc().queryForList("select owner, count(*) from inbound_update group by owner")
                .stream().collect(Collectors.toMap(row -> String.valueOf(row.get("owner")), row -> row.get("count")));
        assertThat(handledBy).hasSize(2); // both instances took their share
        telegram.assertNoValidationErrors();
    }

    private RunningBot instance() {
        return fleet.webhookInstance(database, Map.of("eventbot.broadcast.rate", "100",
                "eventbot.broadcast.check-interval", "300ms"));
    }

    /**
     * One connection of the load balancer: the writers whose index modulo {@value #POSTERS} is {@code poster}, each
     * sending ten /help in turn, update ids alternating between the two instances; once the second instance
     * stopped, everything goes to the first. A refused or failed call is made again, as Telegram does.
     */
    private static void post(List<FakeUser> writers, int poster, List<RunningBot> instances,
                             AtomicBoolean secondStopped) {
        for (int updateId = 1; updateId <= 5_000; updateId++) {
            var writerIndex = (updateId - 1) % writers.size();
            if (writerIndex % POSTERS != poster) {
                continue;
            }
            var writer = writers.get(writerIndex);
            var update = "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + updateId
                    + ", \"date\": 1700000000, \"chat\": {\"id\": " + writer.chatId() + ", \"type\": \"private\", "
                    + "\"first_name\": \"Участник\"}, \"from\": {\"id\": " + writer.id() + ", \"is_bot\": false, "
                    + "\"first_name\": \"Участник\", \"language_code\": \"ru\"}, \"text\": \"/help\", \"entities\": "
                    + "[{\"type\": \"bot_command\", \"offset\": 0, \"length\": 5}]}}";
            while (true) {
                var bot = secondStopped.get() ? instances.get(0) : instances.get(updateId % 2);
                try {
                    var answer = bot.send(HttpRequest.newBuilder(bot.url(PATH))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(update)));
                    if (answer.status() == 200) {
                        break;
                    }
                } catch (RuntimeException stoppedMeanwhile) {
                    // the load balancer tries again, on the other instance once this one is gone
                }
                sleep();
            }
        }
    }

    private static int sent(RunningBot bot, long broadcastId) {
        return bot.jdbc().queryForObject("select count(*) from broadcast_delivery where broadcast_id = ? "
                + "and status = 'SENT'", Integer.class, broadcastId);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int storedUpdates(RunningBot bot) {
        return bot.jdbc().queryForObject("select count(*) from inbound_update", Integer.class);
    }

    private static int handledUpdates(RunningBot bot) {
        return bot.jdbc().queryForObject("select count(*) from inbound_update where status = 'HANDLED'",
                Integer.class);
    }
}
