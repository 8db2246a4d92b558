package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/** An organiser composes an announcement in Telegram, sees it as participants will, sends it and watches it go. */
class AnnounceEndToEndTests {

    private static final long ORGANISER_ID = 700_001;

    static FakeTelegram telegram;
    static RunningBot bot;
    static FakeUser organiser;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        organiser = telegram.user(ORGANISER_ID, "Мария", "Организатор");
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.organiser-ids", ORGANISER_ID + ",700002",
                "eventbot.broadcast.rate", "50",
                "eventbot.broadcast.progress-interval", "300ms"));
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
        bot.jdbc().update("update participant set subscribed = false where telegram_user_id <> ?", ORGANISER_ID);
    }

    @Test
    void anOrganisersFormattedAnnouncementIsPreviewedConfirmedAndDeliveredWithLiveProgress() {
        // given
        var participants = Subscribers.of(telegram, bot, 60, "Подписчик");
        // when
        organiser.sends("/announce");
        assertThat(organiser.awaitMessage().text()).contains("Пришлите текст анонса");
        organiser.sendsFormatted("Завтра мастер-класс в МФЦ. Приходите!", "мастер-класс", "bold");
        organiser.awaitMessage().pressButton("Без мероприятия");
        var preview = organiser.awaitMessage();
        var question = organiser.awaitMessage();
        // then
        assertThat(preview.text()).isEqualTo("Завтра мастер-класс в МФЦ. Приходите!");
        assertThat(preview.snapshot().json().path("entities").get(0).path("type").asText()).isEqualTo("bold");
        assertThat(question.text()).contains("Отправить 61 получателям");
        // when
        question.pressButton("🚀 Отправить");
        // then
        assertThat(organiser.awaitMessage().text()).contains("Рассылка №").contains("началась");
        var progress = awaitMessageContaining(organiser, "📣 Рассылка");
        assertThat(progress.text()).contains("%");
        var report = awaitMessageContaining(organiser, "завершена");
        assertThat(report.text()).contains("Доставлено: 61 из 61");
        assertThat(progress.current().text()).contains("▓▓▓▓▓▓▓▓ 100% · 61/61");
        assertThat(progress.current().version()).isGreaterThan(1);
        for (var participant : participants) {
            var copy = participant.awaitMessage();
            assertThat(copy.text()).isEqualTo("Завтра мастер-класс в МФЦ. Приходите!");
            assertThat(copy.snapshot().json().path("entities").get(0).path("offset").asInt()).isEqualTo(7);
        }
    }

    private static ReceivedMessage awaitMessageContaining(FakeUser user, String text) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> user.messages().stream()
                .filter(message -> message.text() != null && message.text().contains(text)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void anOrganiserCanCancelTheDraftAndNothingIsSent() {
        // given
        var participant = Subscribers.of(telegram, bot, 1, "Тихий").get(0);
        organiser.sends("/announce");
        organiser.awaitMessage();
        organiser.sends("Черновик, который не уйдёт");
        // when
        organiser.awaitMessage().pressButton("✖ Отменить");
        // then
        assertThat(organiser.awaitMessage().text()).contains("отменена");
        participant.noMoreMessagesWithin(Duration.ofMillis(800));
    }

    @Test
    void aParticipantCannotAnnounceNorForgeTheOrganisersButtons() {
        // given
        var stranger = telegram.user("Иван", "Посторонний");
        stranger.sends("/start");
        stranger.awaitMessages(2);
        // when
        stranger.sends("/announce");
        // then
        assertThat(stranger.awaitMessage().text()).contains("только для организаторов");
        // when: a forged press of the organisers' "send" button on one of the bot's messages to the stranger
        var anyMessage = stranger.messages().get(0);
        var forged = telegram.userPressesButton(stranger, anyMessage.messageId(), "an:send");
        // then
        var answer = telegram.awaitCallbackAnswer(forged.callbackQueryId(), Duration.ofSeconds(5));
        assertThat(answer.text()).contains("только для организаторов");
        assertThat(bot.jdbc().queryForObject("select count(*) from broadcast where created_by = ?", Integer.class,
                "telegram:" + stranger.id())).isZero();
    }
}
