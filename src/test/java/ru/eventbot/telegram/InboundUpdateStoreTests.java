package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.eventbot.MutableClock;
import ru.eventbot.StorageProperties;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.fleet.FleetProperties;

/** The durable intake against the real schema (Flyway migrations on an embedded H2). */
@JdbcTest
@Import({InboundUpdateStore.class, UpdateJson.class, Fleet.class, InboundUpdateStoreTests.Config.class})
@EnableConfigurationProperties({FleetProperties.class, StorageProperties.class})
class InboundUpdateStoreTests {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    InboundUpdateStore store;

    @Autowired
    UpdateJson json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesEachUpdateOnceAndReturnsOnlyTheNewOnes() throws Exception {
        // given
        var first = List.of(text(1, "раз"), text(2, "два"));
        store.storeNew(first, null);

        // when
        var again = store.storeNew(List.of(text(2, "два"), text(3, "три")), null);

        // then
        assertThat(again).extracting(TakenUpdate::updateId).containsExactly(3L);
        assertThat(again.get(0).chatId()).isEqualTo(1001L);
        assertThat(again.get(0).update().getMessage().getText()).isEqualTo("три");
        assertThat(jdbc.queryForList("select update_id from inbound_update order by update_id", Long.class))
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForList("select status from inbound_update", String.class)).containsOnly("RECEIVED");
    }

    @Test
    void storesAnUpdateRepeatedInsideOneBatchOnce() throws Exception {
        // given
        var batch = List.of(text(10, "a"), text(10, "a"), text(11, "b"));

        // when
        var fresh = store.storeNew(batch, null);

        // then
        assertThat(fresh).extracting(TakenUpdate::updateId).containsExactly(10L, 11L);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void storesTheTypeChatAndTheRawPayloadAsDelivered() throws Exception {
        // given
        var raw = """
                {"update_id": 20, "message": {"message_id": 1, "date": 1767225600,
                  "chat": {"id": 1001, "type": "private"}, "text": "raw", "some_new_field": true}}""";

        // when
        var stored = store.storeOne(new TakenUpdate(20, 1001L, json.read(raw)), raw);

        // then
        assertThat(stored).isTrue();
        var row = jdbc.queryForMap("select u.chat_id, u.update_type, p.payload, u.status, u.attempts "
                + "from inbound_update u join inbound_update_payload p on p.update_id = u.update_id "
                + "where u.update_id = 20");
        assertThat(row).containsEntry("CHAT_ID", 1001L).containsEntry("UPDATE_TYPE", "message")
                .containsEntry("PAYLOAD", raw).containsEntry("STATUS", "RECEIVED").containsEntry("ATTEMPTS", 1);
    }

    @Test
    void tellsAWebhookRedeliveryApart() throws Exception {
        // given
        var update = text(30, "once");
        var raw = json.write(update);
        store.storeOne(new TakenUpdate(30, 1001L, update), raw);

        // when
        var storedAgain = store.storeOne(new TakenUpdate(30, 1001L, update), raw);

        // then
        assertThat(storedAgain).isFalse();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void returnsNothingForAnEmptyBatch() {
        // given / when / then
        assertThat(store.storeNew(List.of(), null)).isEmpty();
    }

    @Test
    void marksAnUpdateHandledOnceOnly() throws Exception {
        // given
        store.storeNew(List.of(text(40, "x")), null);

        // when
        var first = store.markHandled(40);
        var second = store.markHandled(40);

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.queryForObject("select status from inbound_update where update_id = 40", String.class))
                .isEqualTo("HANDLED");
        assertThat(jdbc.queryForObject("select handled_at from inbound_update where update_id = 40", Instant.class))
                .isEqualTo(NOW);
    }

    @Test
    void neverMarksAFailedUpdateHandled() throws Exception {
        // given
        store.storeNew(List.of(text(41, "x")), null);
        store.markFailed(41, "boom");

        // when
        var handled = store.markHandled(41);

        // then
        assertThat(handled).isFalse();
        assertThat(jdbc.queryForObject("select error from inbound_update where update_id = 41", String.class))
                .isEqualTo("boom");
    }

    @Test
    void resumesUnhandledUpdatesOldestFirstCountingAttemptsUntilItGivesUp() throws Exception {
        // given
        store.storeNew(List.of(text(52, "later"), text(50, "first"), text(51, "handled")), null);
        store.markHandled(51);

        // when
        var attempts = new java.util.ArrayList<List<Long>>();
        for (int i = 1; i < InboundUpdateStore.MAX_ATTEMPTS; i++) {
            attempts.add(ids(store.takeUnhandled(100, Long.MIN_VALUE)));
        }
        var last = store.takeUnhandled(100, Long.MIN_VALUE);

        // then
        assertThat(attempts).allSatisfy(ids -> assertThat(ids).containsExactly(50L, 52L));
        assertThat(last).as("given up after %d attempts", InboundUpdateStore.MAX_ATTEMPTS).isEmpty();
        assertThat(jdbc.queryForList("select status from inbound_update where update_id in (50, 52)", String.class))
                .containsOnly("FAILED");
        assertThat(jdbc.queryForObject("select attempts from inbound_update where update_id = 50", Integer.class))
                .isEqualTo(InboundUpdateStore.MAX_ATTEMPTS);
        assertThat(jdbc.queryForObject("select error from inbound_update where update_id = 50", String.class))
                .contains("gave up");
        assertThat(jdbc.queryForObject("select status from inbound_update where update_id = 51", String.class))
                .isEqualTo("HANDLED");
    }

    @Test
    void resumesInPagesAfterTheGivenUpdate() throws Exception {
        // given
        store.storeNew(List.of(text(60, "a"), text(61, "b"), text(62, "c")), null);

        // when
        var firstPage = store.takeUnhandled(2, Long.MIN_VALUE);
        var secondPage = store.takeUnhandled(2, firstPage.get(firstPage.size() - 1).updateId());

        // then
        assertThat(ids(firstPage)).containsExactly(60L, 61L);
        assertThat(ids(secondPage)).containsExactly(62L);
        assertThat(secondPage.get(0).update().getMessage().getText()).isEqualTo("c");
        assertThat(secondPage.get(0).chatId()).isEqualTo(1001L);
    }

    @Test
    void givesUpOnAStoredPayloadThatIsNotAnUpdate() {
        // given
        jdbc.update("insert into inbound_update (update_id, chat_id, update_type, status, attempts, "
                + "received_at) values (70, 1001, 'message', 'RECEIVED', 1, ?)", java.sql.Timestamp.from(NOW));
        jdbc.update("insert into inbound_update_payload (update_id, payload) values (70, 'not json at all')");

        // when
        var taken = store.takeUnhandled(10, Long.MIN_VALUE);

        // then
        assertThat(taken).isEmpty();
        assertThat(jdbc.queryForObject("select status from inbound_update where update_id = 70", String.class))
                .isEqualTo("FAILED");
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from inbound_update", Integer.class);
    }

    private static List<Long> ids(List<TakenUpdate> updates) {
        return updates.stream().map(TakenUpdate::updateId).toList();
    }

    private Update text(long updateId, String text) throws Exception {
        return json.read("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1767225600,
                  "from": {"id": 1001, "is_bot": false, "first_name": "Александр"},
                  "chat": {"id": 1001, "type": "private"}, "text": "%s"}}""".formatted(updateId, updateId, text));
    }
}
