package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.eventbot.telegram.GatewayResult.Outcome;

class TelegramGatewayTests {

    private static final GatewayPolicy FAST = new GatewayPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 4, 3, Duration.ofSeconds(30));

    private final TelegramClient client = mock(TelegramClient.class);
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private TelegramGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new TelegramGateway(client, FAST, shutdown, metrics());
    }

    @Test
    void returnsTheAnswerOfASuccessfulCall() throws Exception {
        // given
        var sent = message(17);
        when(client.execute(any(SendMessage.class))).thenReturn(sent);

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.value()).isSameAs(sent);
        assertThat(result.error()).isNull();
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void waitsForRetryAfterOnA429AndThenRetriesOnce() throws Exception {
        // given
        var callTimes = new ConcurrentLinkedQueue<Long>();
        when(client.execute(any(SendMessage.class))).thenAnswer(invocation -> {
            callTimes.add(System.nanoTime());
            if (callTimes.size() == 1) {
                throw telegramError(429, "Too Many Requests: retry after 1", 1);
            }
            return message(5);
        });

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(callTimes).hasSize(2);
        var times = List.copyOf(callTimes);
        assertThat(TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0))).isBetween(900L, 5_000L);
    }

    @Test
    void makesEveryCallerWaitOutA429SoThatThereIsNoRetryStorm() throws Exception {
        // given
        var calls = new AtomicInteger();
        var rateLimited = new CountDownLatch(1);
        var rateLimitedAt = new long[1];
        var callTimesAfterTheLimit = new ConcurrentLinkedQueue<Long>();
        when(client.execute(any(SendMessage.class))).thenAnswer(invocation -> {
            if (calls.incrementAndGet() == 1) {
                rateLimitedAt[0] = System.nanoTime();
                rateLimited.countDown();
                throw telegramError(429, "Too Many Requests: retry after 1", 1);
            }
            callTimesAfterTheLimit.add(System.nanoTime());
            return message(calls.get());
        });

        // when
        var first = CompletableFuture.supplyAsync(() -> gateway.call(hello()));
        assertThat(rateLimited.await(5, TimeUnit.SECONDS)).isTrue();
        // A call already on the wire when the 429 arrives cannot be held back; one made after it is known must wait.
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> gateway.pausedForMillis() > 0);
        var second = CompletableFuture.supplyAsync(() -> gateway.call(hello()));
        var results = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));

        // then
        assertThat(results).extracting(GatewayResult::outcome).containsOnly(Outcome.DONE);
        assertThat(calls).as("one refused call and one call per caller, no more").hasValue(3);
        assertThat(callTimesAfterTheLimit).allSatisfy(at ->
                assertThat(TimeUnit.NANOSECONDS.toMillis(at - rateLimitedAt[0])).isGreaterThanOrEqualTo(900L));
        assertThat(gateway.pausedForMillis()).isZero();
    }

    @Test
    void tellsHowLongItIsPausedWhileRateLimited() throws Exception {
        // given
        var rateLimited = new CountDownLatch(1);
        when(client.execute(any(SendMessage.class))).thenAnswer(invocation -> {
            if (rateLimited.getCount() > 0) {
                rateLimited.countDown();
                throw telegramError(429, "Too Many Requests: retry after 1", 1);
            }
            return message(1);
        });
        assertThat(gateway.pausedForMillis()).isZero();

        // when
        var call = CompletableFuture.supplyAsync(() -> gateway.call(hello()));
        assertThat(rateLimited.await(5, TimeUnit.SECONDS)).isTrue();
        var pausedWhileWaiting = Awaitility.await().atMost(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(5))
                .until(gateway::pausedForMillis, millis -> millis > 0);
        var result = call.get(5, TimeUnit.SECONDS);

        // then
        assertThat(pausedWhileWaiting).isLessThanOrEqualTo(1_000L);
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(gateway.pausedForMillis()).isZero();
    }

    @Test
    void givesUpOnARateLimitAfterTheAllowedNumberOfWaits() throws Exception {
        // given
        var policy = new GatewayPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 4, 1, Duration.ofSeconds(30));
        gateway = new TelegramGateway(client, policy, shutdown, metrics());
        when(client.execute(any(SendMessage.class))).thenThrow(telegramError(429, "Too Many Requests", 1));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("429");
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void holdsEveryCallerBackEvenWhenOneCallGivesUpOnA429() throws Exception {
        // given
        var policy = new GatewayPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 4, 0, Duration.ofSeconds(30));
        gateway = new TelegramGateway(client, policy, shutdown, metrics());
        when(client.execute(any(SendMessage.class))).thenThrow(telegramError(429, "Too Many Requests", 30));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(gateway.pausedForMillis()).isBetween(1L, 30_000L);
    }

    @Test
    void reportsABlockedParticipantOnA403WithoutRetrying() throws Exception {
        // given
        when(client.execute(any(SendMessage.class)))
                .thenThrow(telegramError(403, "Forbidden: bot was blocked by the user", null));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.error()).contains("bot was blocked by the user");
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void treatsMessageIsNotModifiedAsSuccess() throws Exception {
        // given
        when(client.execute(any(SendMessage.class))).thenThrow(telegramError(400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly "
                        + "the same as a current content and reply markup of the message", null));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.value()).isNull();
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void failsWithoutRetryingOnAnyOtherBadRequest() throws Exception {
        // given
        when(client.execute(any(SendMessage.class)))
                .thenThrow(telegramError(400, "Bad Request: chat not found", null));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("400").contains("chat not found");
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void retriesAServerErrorUntilItSucceeds() throws Exception {
        // given
        when(client.execute(any(SendMessage.class)))
                .thenThrow(telegramError(502, "Bad Gateway", null))
                .thenThrow(telegramError(500, "Internal Server Error", null))
                .thenReturn(message(3));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.value().getMessageId()).isEqualTo(3);
        verify(client, times(3)).execute(any(SendMessage.class));
    }

    @Test
    void failsAfterMaxAttemptsWhenTheServerKeepsFailing() throws Exception {
        // given
        when(client.execute(any(SendMessage.class))).thenThrow(telegramError(500, "Internal Server Error", null));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).contains("500");
        verify(client, times(FAST.maxAttempts())).execute(any(SendMessage.class));
    }

    @Test
    void retriesNetworkErrorsUpToMaxAttemptsThenFails() throws Exception {
        // given
        when(client.execute(any(SendMessage.class))).thenThrow(
                new TelegramApiException("Unable to execute sendMessage method", new IOException("Connection reset")));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).startsWith("network:").contains("IOException").contains("Connection reset");
        verify(client, times(FAST.maxAttempts())).execute(any(SendMessage.class));
    }

    @Test
    void retriesAnErrorAnswerThatCarriesNoErrorCode() throws Exception {
        // given
        var noCode = new TelegramApiRequestException("Error executing sendMessage query",
                new ApiResponse<>(false, null, "something odd", null, null));
        when(client.execute(any(SendMessage.class))).thenThrow(noCode).thenReturn(message(8));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void retriesAnAnswerThatIsNotJsonAtAll() throws Exception {
        // given: what PartialBotApiMethod.deserializeResponse throws for an HTML error page or a truncated body
        var malformed = new TelegramApiRequestException("Unable to deserialize response",
                new IOException("Unexpected character ('<' (code 60))"));
        when(client.execute(any(SendMessage.class))).thenThrow(malformed).thenReturn(message(9));

        // when
        var result = gateway.call(hello());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void refusesToCallTelegramInsideADatabaseTransaction() throws Exception {
        // given
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            // when / then
            assertThatIllegalStateException()
                    .isThrownBy(() -> gateway.call(hello()))
                    .withMessageContaining("transaction")
                    .withMessageContaining("sendmessage");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        verify(client, never()).execute(any(SendMessage.class));
    }

    @Test
    void givesUpPromptlyWhenTheApplicationStopsDuringABackoff() throws Exception {
        // given
        var slowPolicy = new GatewayPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30), 5, 3, Duration.ofSeconds(30));
        gateway = new TelegramGateway(client, slowPolicy, shutdown, metrics());
        var failedOnce = new CountDownLatch(1);
        when(client.execute(any(SendMessage.class))).thenAnswer(invocation -> {
            failedOnce.countDown();
            throw telegramError(503, "Service Unavailable", null);
        });
        var call = CompletableFuture.supplyAsync(() -> gateway.call(hello()));
        assertThat(failedOnce.await(5, TimeUnit.SECONDS)).isTrue();

        // when
        var signalledAt = System.nanoTime();
        shutdown.signal();
        var result = call.get(5, TimeUnit.SECONDS);

        // then
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalledAt)).isLessThan(2_000L);
        assertThat(result.outcome()).as("never sent, so it can be sent after the restart").isEqualTo(Outcome.NOT_SENT);
        assertThat(result.error()).contains("stopping");
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void givesUpPromptlyWhenTheApplicationStopsDuringARateLimitPause() throws Exception {
        // given
        var rateLimited = new CountDownLatch(1);
        when(client.execute(any(SendMessage.class))).thenAnswer(invocation -> {
            rateLimited.countDown();
            throw telegramError(429, "Too Many Requests: retry after 60", 60);
        });
        var call = CompletableFuture.supplyAsync(() -> gateway.call(hello()));
        assertThat(rateLimited.await(5, TimeUnit.SECONDS)).isTrue();

        // when
        shutdown.signal();
        var result = call.get(2, TimeUnit.SECONDS);

        // then
        assertThat(result.outcome()).as("never sent, so it can be sent after the restart").isEqualTo(Outcome.NOT_SENT);
        assertThat(result.error()).contains("stopping");
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    private static SendMessage hello() {
        return SendMessage.builder().chatId(42L).text("Hello").build();
    }

    private static Message message(int id) {
        var message = new Message();
        message.setMessageId(id);
        return message;
    }

    /** Built the way TelegramBots builds it from Telegram's error answer ({@code ok: false}). */
    private static TelegramApiRequestException telegramError(int code, String description, Integer retryAfter) {
        var parameters = retryAfter == null ? null : new ResponseParameters(null, retryAfter);
        return new TelegramApiRequestException("Error executing sendMessage query",
                new ApiResponse<>(false, code, description, parameters, null));
    }

    private static TelegramMetrics metrics() {
        return new TelegramMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
}
