package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * With EVENTBOT_CHANNEL_ID set, every announcement also goes once to the organisers' channel, linking to the event's
 * card in the bot; the channel's anonymous reactions are counted apart from participants' likes.
 */
class ChannelEndToEndTests {

    private static final long CHANNEL = -1_001_234_567_890L;
    private static final long ORGANISER_ID = 720_001;
    private static final Duration SOON = Duration.ofSeconds(15);

    static FakeTelegram telegram;
    static RunningBot bot;
    static FakeUser organiser;

    @BeforeAll
    static void startTelegramTheChannelAndTheBot() {
        telegram = FakeTelegram.start();
        telegram.channel(CHANNEL, "Форум инноваций: новости");
        organiser = telegram.user(ORGANISER_ID, "Мария", "Организатор");
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.channel.id", String.valueOf(CHANNEL),
                "eventbot.organiser-ids", String.valueOf(ORGANISER_ID)));
        organiser.sends("/start");
        organiser.awaitMessages(2);
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallTheBotMadeFollowedTheBotApiSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void anAnnouncementIsPostedOnceToTheChannelAndItsReactionsCountApartFromLikes() {
        // given
        var event = EventEndToEndTests.createEvent(bot, "Мастер-класс «Как работают люди в МФЦ»",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
        var ksenia = telegram.user("Ксения", "Садовская");
        ksenia.sends("/start");
        ksenia.awaitMessages(2);
        // when the organisers announce it
        var created = bot.post("/api/v1/broadcasts", """
                {"text": "Приглашаем на мастер-класс «Как работают люди в МФЦ»!", "eventId": %d, "audience": "ALL"}"""
                .formatted(event));
        // then the participants get it with the event's keyboard, and the channel gets one post linking to the card
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(ksenia.awaitMessage(SOON).buttonLabels()).anyMatch(label -> label.startsWith("👍"));
        var post = telegram.awaitMessageTo(CHANNEL, SOON);
        assertThat(post.text()).isEqualTo("Приглашаем на мастер-класс «Как работают люди в МФЦ»!");
        assertThat(post.buttons()).singleElement().satisfies(button -> assertThat(button.url())
                .isEqualTo("https://t.me/" + telegram.botUsername() + "?start=event_" + event));
        // when the channel's readers react, and react again
        telegram.channelReactionCounts(CHANNEL, post.messageId(), Map.of("👍", 12, "❤", 3));
        await().atMost(SOON).until(() -> feedbackOf(event).get("channelReactions").get("total").asInt() == 15);
        telegram.channelReactionCounts(CHANNEL, post.messageId(), Map.of("👍", 13, "🔥", 1));
        // then each report replaces the last, and participants' likes are untouched
        await().atMost(SOON).until(() -> feedbackOf(event).get("channelReactions").get("total").asInt() == 14);
        var feedback = feedbackOf(event);
        assertThat(feedback.get("channelReactions").get("byEmoji").get("👍").asInt()).isEqualTo(13);
        assertThat(feedback.get("channelReactions").get("byEmoji").has("❤")).isFalse();
        assertThat(feedback.get("likes").asInt()).isZero();
        // and the organiser sees them in /stats
        organiser.sends("/stats");
        assertThat(skipAnnouncement(organiser).text()).contains("📣 Реакции в канале: 👍 13 🔥 1");
        telegram.assertNoMoreMessagesTo(CHANNEL, Duration.ofMillis(500));
    }

    @Test
    void reactionCountsOnChannelMessagesThatAreNotOurAnnouncementsAreIgnored() {
        // given
        var event = EventEndToEndTests.createEvent(bot, "Круглый стол", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5));
        // when
        var update = telegram.channelReactionCounts(CHANNEL, 999_999, Map.of("👍", 40));
        // then
        await().atMost(SOON).until(() -> bot.jdbc().queryForObject("select count(*) from inbound_update "
                + "where update_id = ? and status = 'HANDLED'", Integer.class, update.updateId()) == 1);
        assertThat(feedbackOf(event).get("channelReactions").get("total").asInt()).isZero();
    }

    private static com.fasterxml.jackson.databind.JsonNode feedbackOf(long event) {
        return bot.get("/api/v1/events/" + event + "/feedback").json();
    }

    private static ru.eventbot.testsupport.telegram.ReceivedMessage skipAnnouncement(FakeUser user) {
        var message = user.awaitMessage(SOON);
        return message.text().startsWith("📊") ? message : user.awaitMessage(SOON);
    }
}
