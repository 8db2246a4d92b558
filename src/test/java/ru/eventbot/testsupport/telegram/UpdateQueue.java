package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pending updates with Telegram's delivery semantics: getUpdates offsets confirm, long polls wake up as soon as an
 * update arrives, {@code allowed_updates} is remembered between calls, an active webhook excludes getUpdates, and
 * an overlapping second long poll terminates the first one with 409.
 * <p>
 * Unlike Telegram, {@code allowed_updates} filters when updates are served rather than when they are created, so
 * a test may enqueue an update before the bot has announced what it wants; updates skipped by the filter stay
 * pending until an offset confirms them.
 */
final class UpdateQueue {

    static final Set<String> EXCLUDED_BY_DEFAULT = Set.of("message_reaction", "message_reaction_count", "chat_member");

    record WebhookConfig(String url, String secretToken, List<String> allowedUpdates, int maxConnections) {
    }

    record WebhookStatus(Optional<WebhookConfig> config, int pendingUpdateCount, Instant lastErrorDate,
                         String lastErrorMessage) {
    }

    private final ObjectMapper mapper;
    private final boolean overlappingPollsConflict;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<StoredUpdate> pending = new ArrayDeque<>();
    private long nextUpdateId;
    private List<String> allowedUpdates = List.of();
    private final List<List<String>> allowedUpdatesHistory = new ArrayList<>();
    private long pollGeneration;
    private WebhookConfig webhook;
    private Instant lastWebhookErrorDate;
    private String lastWebhookErrorMessage;
    private boolean closed;
    private boolean held;

    UpdateQueue(ObjectMapper mapper, long firstUpdateId, boolean overlappingPollsConflict) {
        this.mapper = mapper;
        this.nextUpdateId = firstUpdateId;
        this.overlappingPollsConflict = overlappingPollsConflict;
    }

    /** Assigns {@code update_id} unless the update has one, and queues it. */
    StoredUpdate add(ObjectNode update, long chatId) {
        lock.lock();
        try {
            long id;
            JsonNode given = update.get("update_id");
            if (given != null && given.isIntegralNumber() && given.asLong() > 0) {
                id = given.asLong();
                if (id < nextUpdateId) {
                    throw new IllegalArgumentException("update_id " + id + " is not greater than the last one ("
                            + (nextUpdateId - 1) + "); Telegram's update ids increase monotonically");
                }
            } else {
                id = nextUpdateId;
                update.put("update_id", id);
            }
            nextUpdateId = id + 1;
            StoredUpdate stored = new StoredUpdate(id, typeOf(update), chatId, update, serialize(update));
            pending.add(stored);
            changed.signalAll();
            return stored;
        } finally {
            lock.unlock();
        }
    }

    static String typeOf(ObjectNode update) {
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            if (!field.getKey().equals("update_id")) {
                return field.getKey();
            }
        }
        return "unknown";
    }

    private byte[] serialize(ObjectNode update) {
        try {
            return mapper.writeValueAsBytes(update);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** getUpdates. Blocks up to {@code timeoutSeconds} for a matching update. */
    List<StoredUpdate> poll(Long offset, Integer limit, int timeoutSeconds, List<String> newAllowedUpdates) {
        long remaining = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            if (webhook != null) {
                throw BotApiError.conflict("can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first");
            }
            if (newAllowedUpdates != null) {
                allowedUpdates = List.copyOf(newAllowedUpdates);
            }
            if (allowedUpdatesHistory.isEmpty()
                    || !allowedUpdatesHistory.get(allowedUpdatesHistory.size() - 1).equals(allowedUpdates)) {
                allowedUpdatesHistory.add(allowedUpdates);
            }
            if (offset != null) {
                confirm(offset);
            }
            long generation = ++pollGeneration;
            changed.signalAll();
            int max = limit == null ? 100 : limit;
            while (true) {
                if (closed) {
                    return List.of();
                }
                if (generation != pollGeneration && overlappingPollsConflict) {
                    throw BotApiError.conflict("terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                }
                List<StoredUpdate> result = new ArrayList<>();
                for (StoredUpdate update : pending) {
                    if (held || result.size() >= max) {
                        break;
                    }
                    if (isAllowed(update.type(), allowedUpdates)) {
                        result.add(update);
                    }
                }
                if (!result.isEmpty() || remaining <= 0 || webhook != null) {
                    return result;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void confirm(long offset) {
        if (offset < 0) {
            // a negative offset keeps only the last -offset updates
            while (pending.size() > -offset) {
                pending.poll();
            }
            return;
        }
        while (!pending.isEmpty() && pending.peek().updateId() < offset) {
            pending.poll();
        }
    }

    static boolean isAllowed(String type, List<String> allowed) {
        return allowed.isEmpty() ? !EXCLUDED_BY_DEFAULT.contains(type) : allowed.contains(type);
    }

    void setWebhook(WebhookConfig config, boolean dropPendingUpdates) {
        lock.lock();
        try {
            webhook = config;
            if (dropPendingUpdates) {
                pending.clear();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void deleteWebhook(boolean dropPendingUpdates) {
        lock.lock();
        try {
            webhook = null;
            if (dropPendingUpdates) {
                pending.clear();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    WebhookStatus webhookStatus() {
        lock.lock();
        try {
            return new WebhookStatus(Optional.ofNullable(webhook), pending.size(), lastWebhookErrorDate,
                    lastWebhookErrorMessage);
        } finally {
            lock.unlock();
        }
    }

    record Delivery(WebhookConfig webhook, StoredUpdate update) {
    }

    /**
     * Blocks until a webhook is set and an update for it is pending; updates its allowed_updates exclude are
     * dropped, as Telegram never creates them. Returns null once closed.
     */
    Delivery awaitWebhookDelivery() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                if (webhook != null) {
                    Iterator<StoredUpdate> iterator = pending.iterator();
                    while (iterator.hasNext()) {
                        StoredUpdate update = iterator.next();
                        if (isAllowed(update.type(), webhook.allowedUpdates())) {
                            return new Delivery(webhook, update);
                        }
                        iterator.remove();
                    }
                }
                changed.await();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    void webhookDelivered(StoredUpdate update) {
        lock.lock();
        try {
            confirm(update.updateId() + 1);
        } finally {
            lock.unlock();
        }
    }

    void webhookFailed(String message) {
        lock.lock();
        try {
            lastWebhookErrorDate = Instant.now();
            lastWebhookErrorMessage = message;
        } finally {
            lock.unlock();
        }
    }

    int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    List<String> allowedUpdates() {
        lock.lock();
        try {
            return allowedUpdates;
        } finally {
            lock.unlock();
        }
    }

    List<List<String>> allowedUpdatesHistory() {
        lock.lock();
        try {
            return List.copyOf(allowedUpdatesHistory);
        } finally {
            lock.unlock();
        }
    }

    void hold(boolean hold) {
        lock.lock();
        try {
            held = hold;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
