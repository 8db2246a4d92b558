package ru.eventbot.testsupport.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * POSTs pending updates to the webhook one at a time, like Telegram: the {@code X-Telegram-Bot-Api-Secret-Token}
 * header carries the secret, a 2xx confirms the update, anything else (or a connection failure) is retried after
 * a short delay.
 */
final class WebhookDeliverer implements AutoCloseable {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final UpdateQueue queue;
    private final Duration retryDelay;
    private final Consumer<StoredUpdate> onServed;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final Thread thread;

    WebhookDeliverer(UpdateQueue queue, Duration retryDelay, Consumer<StoredUpdate> onServed) {
        this.queue = queue;
        this.retryDelay = retryDelay;
        this.onServed = onServed;
        this.httpExecutor = Executors.newCachedThreadPool(DaemonThreads.factory("fake-telegram-webhook-http-"));
        this.client = HttpClient.newBuilder()
                .executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.thread = DaemonThreads.factory("fake-telegram-webhook-").newThread(this::run);
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                UpdateQueue.Delivery delivery = queue.awaitWebhookDelivery();
                if (delivery == null) {
                    return;
                }
                if (deliver(delivery)) {
                    queue.webhookDelivered(delivery.update());
                } else {
                    Thread.sleep(retryDelay.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean deliver(UpdateQueue.Delivery delivery) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.webhook().url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.update().bytes()));
        if (delivery.webhook().secretToken() != null) {
            request.header(SECRET_HEADER, delivery.webhook().secretToken());
        }
        onServed.accept(delivery.update());
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            queue.webhookFailed("Wrong response from the webhook: " + response.statusCode());
            log.debug("Webhook answered {} to update {}; retrying", response.statusCode(), delivery.update().updateId());
        } catch (IOException | IllegalArgumentException e) {
            queue.webhookFailed("Connection failed: " + e.getMessage());
            log.debug("Webhook delivery of update {} failed; retrying", delivery.update().updateId(), e);
        }
        return false;
    }

    @Override
    public void close() {
        thread.interrupt();
        httpExecutor.shutdownNow();
        try {
            thread.join(1000);
            httpExecutor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
