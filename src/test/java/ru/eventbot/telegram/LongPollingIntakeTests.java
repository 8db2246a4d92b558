package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** The poll loop's half of durability: an answer's offset is confirmed only once the lanes have stored all of it. */
class LongPollingIntakeTests {

    private final SynchronousTelegramClient client = mock(SynchronousTelegramClient.class);
    private final InboundUpdateStore store = mock(InboundUpdateStore.class);
    private final UpdateDispatcher dispatcher = mock(UpdateDispatcher.class);
    private final ShutdownSignal shutdown = mock(ShutdownSignal.class);
    private final TelegramProperties properties = mock(TelegramProperties.class);
    private final List<Integer> offsets = new CopyOnWriteArrayList<>();
    private LongPollingIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void anAnswerNotAllStoredIsAskedForAgainFromTheSameOffset() throws TelegramApiException {
        // given: Telegram holds update 41 until an offset above it confirms it
        var update = new Update();
        update.setUpdateId(41);
        when(client.getUpdates(any())).thenAnswer(call -> {
            offsets.add(((GetUpdates) call.getArgument(0)).getOffset());
            Integer offset = ((GetUpdates) call.getArgument(0)).getOffset();
            if (offset != null && offset > 41) {
                Thread.sleep(50); // an empty long poll
                return List.of();
            }
            return List.of(new ReceivedUpdate(update, "{\"update_id\":41}"));
        });
        when(store.unseen(anyList(), anyList(), any())).thenAnswer(call -> {
            List<Update> updates = call.getArgument(0);
            List<String> payloads = call.getArgument(1);
            return List.of(TakenUpdate.polled(updates.get(0), payloads.get(0), call.getArgument(2)));
        });
        // the lanes cannot store it the first time (the database is away), and can the second
        var attempts = new AtomicInteger();
        doAnswer(call -> {
            TakenUpdate taken = call.getArgument(0);
            taken.settled(attempts.incrementAndGet() > 1);
            return null;
        }).when(dispatcher).dispatch(any());
        // when
        start();
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> offsets.size() >= 3);
        assertThat(new ArrayList<>(offsets).subList(0, 3)).containsExactly(null, null, 42);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void anAnswerStillBeingHandledWhenTheIntakeStopsIsNeverConfirmed() throws TelegramApiException {
        // given: a lane that never gets to it
        var update = new Update();
        update.setUpdateId(7);
        when(client.getUpdates(any())).thenAnswer(call -> {
            offsets.add(((GetUpdates) call.getArgument(0)).getOffset());
            return List.of(new ReceivedUpdate(update, "{\"update_id\":7}"));
        });
        when(store.unseen(anyList(), anyList(), any())).thenAnswer(call -> List.of(
                TakenUpdate.polled(update, "{\"update_id\":7}", call.getArgument(2))));
        // when
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> offsets.size() == 1);
        intake.stop();
        // then: no second call, so Telegram keeps update 7 for the next start
        assertThat(intake.isRunning()).isFalse();
        assertThat(offsets).containsExactly((Integer) null);
    }

    private void start() {
        when(properties.pollTimeout()).thenReturn(Duration.ofSeconds(1));
        when(properties.apiUrl()).thenReturn("http://127.0.0.1:1");
        when(dispatcher.reserve(anyInt())).thenReturn(true);
        when(shutdown.sleep(anyLong())).thenAnswer(call -> {
            Thread.sleep(Math.min(50, (Long) call.getArgument(0)));
            return true;
        });
        intake = new LongPollingIntake(new PollingClient(client, new okhttp3.OkHttpClient()), store, dispatcher,
                mock(IntakeRecovery.class), mock(BotCommandsRegistrar.class), properties, shutdown,
                mock(IntakeShutdown.class), mock(TelegramMetrics.class));
        intake.start();
    }
}
