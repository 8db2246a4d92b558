package ru.eventbot.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeTelegramListener;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * Text updates from many chats with at most {@code window} unanswered at once (a closed loop: the offered rate
 * follows what the bot manages), counting the messages the bot sends to those chats.
 */
final class UpdateLoad implements FakeTelegramListener {

    private final List<FakeUser> senders;
    private final Set<Long> senderChats = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger messagesBack = new AtomicInteger();

    UpdateLoad(FakeTelegram telegram, List<FakeUser> senders) {
        this.senders = senders;
        senders.forEach(user -> senderChats.add(user.chatId()));
        telegram.addListener(this);
    }

    @Override
    public void onBotMessage(long chatId, int messageId, long nanoTime) {
        if (senderChats.contains(chatId)) {
            messagesBack.incrementAndGet();
        }
    }

    /** Sends {@code count} updates, never more than {@code window} ahead of the messages received back. */
    void run(int count, int window, Duration timeout, Runnable every5000) {
        var deadline = System.nanoTime() + timeout.toNanos();
        var before = messagesBack.get();
        for (int i = 0; i < count; i++) {
            while (sent.get() - (messagesBack.get() - before) >= window) {
                pause(deadline);
            }
            senders.get(i % senders.size()).sends("Сообщение нагрузки " + i);
            sent.incrementAndGet();
            if ((i + 1) % 5_000 == 0) {
                every5000.run();
            }
        }
    }

    /** Waits until the bot has sent {@code expected} messages to the senders' chats in all. */
    void awaitMessagesBack(int expected, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (messagesBack.get() < expected) {
            pause(deadline);
        }
    }

    private void pause(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("The bot fell behind: " + messagesBack.get() + " messages back for " + sent.get()
                    + " updates sent");
        }
        try {
            TimeUnit.MILLISECONDS.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int sent() {
        return sent.get();
    }

    int messagesBack() {
        return messagesBack.get();
    }
}
