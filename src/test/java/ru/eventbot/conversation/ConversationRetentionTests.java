package ru.eventbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eventbot.PersistenceSliceConfiguration.START;

import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import ru.eventbot.MutableClock;
import ru.eventbot.fleet.Fleet;
import ru.eventbot.PersistenceSliceConfiguration;

@DataJpaTest(showSql = false)
@Import(PersistenceSliceConfiguration.class)
class ConversationRetentionTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Fleet fleet;

    @Test
    void deletesMessagesOlderThanTheRetentionButNeverOnesStillToBeSent() {
        // given: a year and a day ago, a message in, a reply sent and a reply never sent; and one from yesterday
        clock.set(START);
        insert(1, START.minus(Duration.ofDays(366)), "IN", null);
        insert(2, START.minus(Duration.ofDays(366)), "OUT", "SENT");
        insert(3, START.minus(Duration.ofDays(366)), "OUT", "PENDING");
        insert(4, START.minus(Duration.ofDays(1)), "IN", null);
        var retention = new ConversationRetention(jdbc, new RetentionProperties(365, Duration.ofDays(1)),
                new ThreadPoolTaskScheduler(), clock, event -> { }, fleet);
        // when
        var deleted = retention.purge();
        // then
        assertThat(deleted).isEqualTo(2);
        assertThat(jdbc.queryForList("select id from conversation_message where id in (1, 2, 3, 4) order by id",
                Long.class)).containsExactly(3L, 4L);
    }

    private void insert(long id, java.time.Instant at, String direction, String status) {
        jdbc.update("insert into conversation_message (id, telegram_user_id, chat_id, direction, kind, text, "
                + "delivery_status, created_at) values (?, 42, 42, ?, 'TEXT', 'старое', ?, ?)", id, direction, status,
                Timestamp.from(at));
    }
}
