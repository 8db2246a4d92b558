package ru.eventbot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.eventbot.StorageProperties;

/**
 * The stand-in for the Bot API, all in this process: the sandbox's people, chats, uploaded files and pending
 * updates, kept under {@code EVENTBOT_DATA_DIR/sandbox}. Stopped after the bot's intake and before the web server, so
 * that a waiting long poll is answered at once and does not hold up a graceful shutdown.
 */
@Component
@SandboxOnly
class StandIn implements SmartLifecycle {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatedUsers users;
    private final ChatLog chats;
    private final SandboxFiles files;
    private final UpdateFeed feed;
    private final BotApiStandIn api;
    private final ParticipantSide participants;
    private volatile boolean running;

    StandIn(StorageProperties storage, SandboxProperties properties, Clock clock) {
        var folder = storage.dataDir().resolve(SandboxActivation.FOLDER);
        users = new SimulatedUsers(folder.resolve("participants.json"), mapper, properties.organiserId());
        chats = new ChatLog(new IdSequence(folder.resolve("next-message-id"), 1));
        files = new SandboxFiles(folder.resolve("files"));
        feed = new UpdateFeed(new IdSequence(folder.resolve("next-update-id"), 1));
        api = new BotApiStandIn(mapper, users, chats, files, clock);
        participants = new ParticipantSide(mapper, users, chats, feed, api, clock);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    SimulatedUsers users() {
        return users;
    }

    ChatLog chats() {
        return chats;
    }

    SandboxFiles files() {
        return files;
    }

    UpdateFeed feed() {
        return feed;
    }

    BotApiStandIn api() {
        return api;
    }

    ParticipantSide participants() {
        return participants;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        feed.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the bot's intake (which stops polling first), before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
