package ru.eventbot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * Webhook mode: registers the webhook at start and serves it at the path of {@code TELEGRAM_WEBHOOK_URL}. A
 * request is answered 200 only after its update is stored (concurrent calls share a commit: {@link
 * WebhookGroupCommit}); Telegram delivers again whatever did not get a 2xx.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "eventbot.telegram.mode", havingValue = "webhook")
class WebhookIntake implements SmartLifecycle {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** What {@code inbound_update_payload} holds (a million characters take at least a million bytes). */
    static final int MAX_BODY_BYTES = 1_000_000;
    /** Longer than any commit should take; a call still waiting then is answered 503 and delivered again. */
    static final long STORE_WAIT_SECONDS = 20;
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final TelegramProperties properties;
    private final UpdateJson json;
    private final InboundUpdateStore store;
    private final UpdateDispatcher dispatcher;
    private final IntakeRecovery recovery;
    private final BotCommandsRegistrar commands;
    private final TelegramGateway gateway;
    private final IntakeShutdown intakeShutdown;
    private final byte[] secret;
    private final WebhookGroupCommit groupCommit;
    private volatile boolean running;
    /** Off until recovered updates are dispatched, so a chat's stored updates go before its new ones. */
    private volatile boolean accepting;

    WebhookIntake(TelegramProperties properties, UpdateJson json, InboundUpdateStore store,
                  UpdateDispatcher dispatcher, IntakeRecovery recovery, BotCommandsRegistrar commands,
                  TelegramGateway gateway, IntakeShutdown intakeShutdown, TelegramMetrics metrics) {
        this.properties = properties;
        this.json = json;
        this.store = store;
        this.dispatcher = dispatcher;
        this.recovery = recovery;
        this.commands = commands;
        this.gateway = gateway;
        this.intakeShutdown = intakeShutdown;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.groupCommit = new WebhookGroupCommit(store, dispatcher, metrics);
    }

    @Bean
    RouterFunction<ServerResponse> telegramWebhookRoute() {
        return RouterFunctions.route().POST(properties.webhookPath(), this::receive).build();
    }

    ServerResponse receive(ServerRequest request) {
        var given = request.headers().firstHeader(SECRET_HEADER);
        // Constant-time comparison, so the secret cannot be guessed byte by byte from response times.
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Webhook call without the right secret header from {}", request.remoteAddress().orElse(null));
            return problem(HttpStatus.UNAUTHORIZED, "The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.");
        }
        byte[] body;
        TakenUpdate update;
        try {
            body = request.body(byte[].class);
            if (body.length > MAX_BODY_BYTES) {
                log.warn("Webhook body of {} bytes refused: no Telegram update is that large", body.length);
                return problem(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than any Telegram update.");
            }
            var parsed = json.readLeniently(body);
            if (parsed == null || parsed.getUpdateId() == null) {
                return problem(HttpStatus.BAD_REQUEST, "The body is not a Telegram update (no update_id).");
            }
            update = new TakenUpdate(parsed.getUpdateId(), UpdateType.chatIdOf(parsed), parsed);
        } catch (Exception e) {
            // not the exception's message: a JSON parser quotes the body, which may hold a participant's text
            log.warn("Webhook body is not a Telegram update ({})", e.getClass().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "The body is not a Telegram update (malformed JSON).");
        }
        if (!accepting || !dispatcher.tryReserve(1)) {
            // Full (or stopping): Telegram will deliver it again, which is the backpressure we want.
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").build();
        }
        MDC.put("updateId", String.valueOf(update.updateId()));
        try {
            // room is reserved: from here the group commit dispatches the update or gives the room back
            groupCommit.store(update, new String(body, StandardCharsets.UTF_8)).get(STORE_WAIT_SECONDS,
                    TimeUnit.SECONDS);
            return ServerResponse.ok().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notStored(e);
        } catch (ExecutionException | TimeoutException e) {
            return notStored(e instanceof ExecutionException ? e.getCause() : e);
        } finally {
            MDC.remove("updateId");
        }
    }

    /** Telegram delivers again whatever did not get a 2xx; a late commit makes the re-delivery a known one. */
    private static ServerResponse notStored(Throwable cause) {
        log.error("Webhook update could not be stored; Telegram will deliver it again", cause);
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, "The update could not be stored now; deliver it again."));
    }

    private static ServerResponse problem(HttpStatus status, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    @Override
    public void start() {
        running = true;
        var thread = new Thread(() -> {
            try {
                recovery.recover();
                accepting = running;
                register();
                commands.register();
            } catch (RuntimeException e) {
                log.error("Webhook start-up failed", e);
            }
        }, "telegram-webhook-setup");
        thread.setDaemon(true);
        thread.start();
    }

    private void register() {
        var setWebhook = SetWebhook.builder()
                .url(properties.webhookUrl())
                .secretToken(properties.webhookSecret())
                .allowedUpdates(List.copyOf(UpdateType.ALLOWED_UPDATES))
                .maxConnections(40)
                .build();
        var result = gateway.call(SetWebhook.PATH, client -> client.execute(setWebhook));
        if (result.isDone()) {
            log.info("Webhook registered at {}", properties.webhookUrl());
        } else {
            log.error("Could not register the webhook at {}: {}", properties.webhookUrl(), result.error());
        }
    }

    @Override
    public void stop() {
        running = false;
        accepting = false;
        groupCommit.stop();
        intakeShutdown.beginStopping();
        intakeShutdown.finish();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
