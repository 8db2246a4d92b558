package ru.eventbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateFeedTests {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<List<ObjectNode>> answers = new ArrayList<>();
    private final List<BotApiFailure> failures = new ArrayList<>();

    @TempDir
    Path folder;

    @Test
    void aWaitingLongPollIsAnsweredWhenAnUpdateArrives() {
        // given
        var feed = feed();
        feed.poll(null, 50, waiter(100, List.of()));
        assertThat(answers).isEmpty();

        // when
        feed.add(message("/start"));

        // then
        assertThat(answers).singleElement().satisfies(updates -> assertThat(updates).singleElement()
                .satisfies(update -> assertThat(update.path("message").path("text").asText()).isEqualTo("/start")));
    }

    @Test
    void anOffsetConfirmsTheUpdatesBelowItAndTheRestAreDeliveredAgain() {
        // given
        var feed = feed();
        feed.add(message("one"));
        feed.add(message("two"));
        feed.poll(null, 0, waiter(100, List.of()));
        var first = answers.get(0).get(0).get("update_id").asLong();

        // when
        feed.poll(first + 1, 0, waiter(100, List.of()));

        // then
        assertThat(answers.get(1)).extracting(update -> update.path("message").path("text").asText())
                .containsExactly("two");
        assertThat(feed.pendingCount()).isEqualTo(1);
    }

    @Test
    void aLimitCapsAnAnswerAndUnaskedTypesAreDropped() {
        // given
        var feed = feed();
        var reaction = mapper.createObjectNode();
        reaction.putObject("message_reaction");
        feed.add(reaction);
        feed.add(message("a"));
        feed.add(message("b"));

        // when
        feed.poll(null, 0, waiter(1, List.of("message")));

        // then
        assertThat(answers.get(0)).extracting(update -> update.path("message").path("text").asText())
                .containsExactly("a");
        assertThat(feed.pendingCount()).isEqualTo(2);
    }

    @Test
    void aSecondLongPollEndsTheFirstWith409() {
        // given
        var feed = feed();
        feed.poll(null, 50, waiter(100, List.of()));

        // when
        feed.poll(null, 50, waiter(100, List.of()));

        // then
        assertThat(failures).singleElement().satisfies(failure -> assertThat(failure.code()).isEqualTo(409));
    }

    @Test
    void anExpiredOrStoppedLongPollGetsAnEmptyAnswerOnce() {
        // given
        var feed = feed();
        var first = waiter(100, List.of());
        feed.poll(null, 50, first);

        // when
        feed.expire(first);
        feed.expire(first);
        feed.poll(null, 50, waiter(100, List.of()));
        feed.stop();
        feed.poll(null, 50, waiter(100, List.of()));

        // then
        assertThat(answers).hasSize(3).allSatisfy(updates -> assertThat(updates).isEmpty());
    }

    @Test
    void updateIdsGoOnGrowingAfterARestart() {
        // given
        var before = feed();
        before.add(message("before"));
        before.poll(null, 0, waiter(100, List.of()));
        var last = answers.get(0).get(0).get("update_id").asLong();

        // when
        var after = feed();
        after.add(message("after"));
        after.poll(null, 0, waiter(100, List.of()));

        // then
        assertThat(answers.get(1).get(0).get("update_id").asLong()).isGreaterThan(last);
    }

    private UpdateFeed feed() {
        return new UpdateFeed(new IdSequence(folder.resolve("next-update-id"), 1));
    }

    private UpdateFeed.Waiter waiter(int limit, List<String> allowed) {
        return new UpdateFeed.Waiter(limit, allowed, answers::add, failures::add);
    }

    private ObjectNode message(String text) {
        var update = mapper.createObjectNode();
        update.putObject("message").put("text", text);
        return update;
    }
}
