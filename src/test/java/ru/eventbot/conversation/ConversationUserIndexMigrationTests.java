package ru.eventbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Upgrading a database with conversations to V13: the organisers' latest replies move to the participant rows. */
class ConversationUserIndexMigrationTests {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-11-20T09:00:00Z"));

    @Test
    void keepsEachParticipantsLatestOrganiserReplyAndIndexesTheConversationByParticipant() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:v13-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", true);
        try {
            migrate(dataSource, "12");
            var jdbc = new JdbcTemplate(dataSource);
            participant(jdbc, 1, 1001); // answered twice
            participant(jdbc, 2, 1002); // never answered
            message(jdbc, 10, 1001, "IN", "TEXT");
            message(jdbc, 11, 1001, "OUT", "ORGANISER_REPLY");
            message(jdbc, 12, 1001, "IN", "TEXT");
            message(jdbc, 13, 1001, "OUT", "ORGANISER_REPLY");
            message(jdbc, 14, 1002, "IN", "TEXT");
            message(jdbc, 15, 1002, "OUT", "BOT_MESSAGE");

            migrate(dataSource, "latest");

            assertThat(jdbc.queryForList("select telegram_user_id, last_organiser_reply_id from participant "
                    + "order by telegram_user_id")).extracting(row -> row.get("LAST_ORGANISER_REPLY_ID"))
                    .containsExactly(13L, null);
            assertThat(jdbc.queryForList("select index_name from information_schema.indexes "
                    + "where table_name = 'CONVERSATION_MESSAGE'", String.class))
                    .contains("IX_CONVERSATION_USER").doesNotContain("IX_CONVERSATION_USER_KIND");
        } finally {
            dataSource.destroy();
        }
    }

    private static void migrate(SingleConnectionDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void participant(JdbcTemplate jdbc, long id, long telegramUserId) {
        jdbc.update("insert into participant (id, telegram_user_id, chat_id, language, subscribed, blocked, created_at, "
                + "updated_at) values (?, ?, ?, 'RU', true, false, ?, ?)", id, telegramUserId, telegramUserId, AT, AT);
    }

    private static void message(JdbcTemplate jdbc, long id, long telegramUserId, String direction, String kind) {
        jdbc.update("insert into conversation_message (id, telegram_user_id, chat_id, direction, kind, text, created_at) "
                + "values (?, ?, ?, ?, ?, 'текст', ?)", id, telegramUserId, telegramUserId, direction, kind, AT);
    }
}
