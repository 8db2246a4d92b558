package ru.eventbot.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.UniqueRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.event.EventNotFoundException;
import ru.eventbot.event.EventService;

/**
 * Likes, ratings and comments. The database keys make each exact under concurrency: one like per participant and
 * event (whatever the number of taps), one rating per participant and event, one like per participant and comment.
 */
@Service
// refusals are checked before anything is written; they must not undo the caller's other work (an update's handling)
@Transactional(noRollbackFor = {CommentTooLongException.class, CommentNotFoundException.class,
        EventNotFoundException.class})
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    public static final int MAX_COMMENT = 2000;

    private final EventRatingRepository ratings;
    private final EventService events;
    private final JdbcTemplate jdbc;
    private final CommentPrompts prompts;
    private final UniqueRows uniqueRows;
    private final Clock clock;

    FeedbackService(EventRatingRepository ratings, EventService events, JdbcTemplate jdbc, UniqueRows uniqueRows,
                    CommentPrompts prompts, Clock clock) {
        this.prompts = prompts;
        this.uniqueRows = uniqueRows;
        this.ratings = ratings;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 👍: likes the event if the participant does not yet, and the other way round. */
    public LikeToggled toggleLike(long eventId, long telegramUserId) {
        requireEvent(eventId);
        var removed = jdbc.update("delete from event_like where event_id = ? and telegram_user_id = ?", eventId,
                telegramUserId);
        if (removed == 0) {
            insertLike(eventId, telegramUserId, LikeSource.BUTTON);
        }
        return new LikeToggled(removed == 0, likeCount(eventId));
    }

    /** A reaction that likes the event; nothing changes if the participant likes it already. */
    public void like(long eventId, long telegramUserId, LikeSource source) {
        requireEvent(eventId);
        insertLike(eventId, telegramUserId, source);
    }

    public void unlike(long eventId, long telegramUserId) {
        jdbc.update("delete from event_like where event_id = ? and telegram_user_id = ?", eventId, telegramUserId);
    }

    private void insertLike(long eventId, long telegramUserId, LikeSource source) {
        // liked already (a concurrent press or an earlier reaction): still one like
        uniqueRows.insert("insert into event_like (event_id, telegram_user_id, source, created_at) values (?, ?, ?, ?)",
                eventId, telegramUserId, source.name(), Timestamp.from(clock.instant()));
    }

    @Transactional(readOnly = true)
    public int likeCount(long eventId) {
        return count("select count(*) from event_like where event_id = ?", eventId);
    }

    /** A rating of 1–5; a second one replaces the first. Afterwards the participant's next text is its comment. */
    public Rated rate(long eventId, long telegramUserId, int rating) {
        requireEvent(eventId);
        var now = clock.instant();
        var existing = ratings.findByEventIdAndTelegramUserId(eventId, telegramUserId);
        Integer previous = existing.map(EventRating::getRating).orElse(null);
        existing.ifPresentOrElse(given -> given.rerate(rating, now),
                () -> ratings.save(EventRating.first(eventId, telegramUserId, rating, now)));
        ratings.flush(); // the figures are read with plain SQL
        jdbc.update("delete from feedback_prompt where telegram_user_id = ?", telegramUserId);
        prompts.prompting(telegramUserId);
        jdbc.update("insert into feedback_prompt (telegram_user_id, event_id, created_at) values (?, ?, ?)",
                telegramUserId, eventId, Timestamp.from(now));
        return new Rated(rating, previous);
    }

    /** The event whose comment the participant is about to write, if they have just rated one. */
    @Transactional(readOnly = true)
    public Optional<Long> awaitingComment(long telegramUserId) {
        return prompts.awaitingComment(telegramUserId);
    }

    /** Stores the comment on the participant's rating; refuses one over 2,000 characters (the prompt stays). */
    public long comment(long telegramUserId, String text) {
        var eventId = awaitingComment(telegramUserId).orElseThrow(
                () -> new IllegalStateException("Participant " + telegramUserId + " is not writing a comment"));
        var rating = ratings.findByEventIdAndTelegramUserId(eventId, telegramUserId).orElseThrow();
        rating.comment(text, clock.instant());
        ratings.flush();
        skipComment(telegramUserId);
        return eventId;
    }

    public void skipComment(long telegramUserId) {
        jdbc.update("delete from feedback_prompt where telegram_user_id = ?", telegramUserId);
    }

    /** 👍 under a comment: toggles the participant's like of it. */
    public LikeToggled toggleCommentLike(long commentId, long telegramUserId) {
        if (!ratings.existsById(commentId)) {
            throw new CommentNotFoundException(commentId);
        }
        var removed = jdbc.update("delete from comment_like where rating_id = ? and telegram_user_id = ?", commentId,
                telegramUserId);
        if (removed == 0) {
            // a concurrent press: still one like
            uniqueRows.insert("insert into comment_like (rating_id, telegram_user_id, created_at) values (?, ?, ?)",
                    commentId, telegramUserId, Timestamp.from(clock.instant()));
        }
        return new LikeToggled(removed == 0, count("select count(*) from comment_like where rating_id = ?", commentId));
    }

    /** Organisers hide a comment from participants (and show it again); figures keep its rating. */
    public void hideComment(long eventId, long commentId, boolean hidden) {
        var rating = ratings.findById(commentId).filter(r -> r.getEventId() == eventId)
                .orElseThrow(() -> new CommentNotFoundException(commentId));
        rating.hideComment(hidden);
        ratings.flush();
        log.info("Comment {} on event {} {}", commentId, eventId, hidden ? "hidden" : "shown again");
    }

    /** Comments participants may read, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public CommentPage visibleComments(long eventId, int page, int size) {
        var total = count("select count(*) from event_rating where event_id = ? and comment is not null "
                + "and comment_hidden = false", eventId);
        var pages = Math.max(1, (total + size - 1) / size);
        var shown = Math.max(0, Math.min(page, pages - 1));
        var comments = jdbc.query(COMMENTS + "and r.comment_hidden = false order by r.created_at desc, r.id desc "
                + "offset ? rows fetch next ? rows only", COMMENT, eventId, shown * size, size);
        return new CommentPage(comments, shown, pages);
    }

    @Transactional(readOnly = true)
    public EventFeedback summary(long eventId) {
        return summary(eventId, true);
    }

    /** The figures without the comments (read those a page at a time with {@link #comments}). */
    @Transactional(readOnly = true)
    public EventFeedback figures(long eventId) {
        return summary(eventId, false);
    }

    /** Every comment on the event, hidden ones too, newest first, a page at a time (from 0). */
    @Transactional(readOnly = true)
    public CommentPage comments(long eventId, int page, int size) {
        requireEvent(eventId);
        var total = count("select count(*) from event_rating where event_id = ? and comment is not null", eventId);
        var pages = Math.max(1, (total + size - 1) / size);
        var shown = Math.max(0, Math.min(page, pages - 1));
        // the page's ids first, so the likes and names are looked up for that page only
        var comments = jdbc.query("select r.id, r.event_id, r.telegram_user_id, p.first_name, p.last_name, "
                        + "r.rating, r.comment, r.comment_hidden, r.created_at, "
                        + "(select count(*) from comment_like l where l.rating_id = r.id) "
                        + "from (select c.id from event_rating c where c.event_id = ? and c.comment is not null "
                        + "order by c.created_at desc, c.id desc offset ? rows fetch next ? rows only) shown "
                        + "join event_rating r on r.id = shown.id "
                        + "left join participant p on p.telegram_user_id = r.telegram_user_id "
                        + "order by r.created_at desc, r.id desc",
                COMMENT, eventId, shown * size, size);
        return new CommentPage(comments, shown, pages);
    }

    private EventFeedback summary(long eventId, boolean withComments) {
        requireEvent(eventId);
        var buttons = count("select count(*) from event_like where event_id = ? and source = 'BUTTON'", eventId);
        var reactions = count("select count(*) from event_like where event_id = ? and source = 'REACTION'", eventId);
        var histogram = new LinkedHashMap<String, Integer>();
        for (int stars = 1; stars <= 5; stars++) {
            histogram.put(String.valueOf(stars), 0);
        }
        jdbc.query("select rating, count(*) from event_rating where event_id = ? group by rating",
                rs -> {
                    histogram.put(String.valueOf(rs.getInt(1)), rs.getInt(2));
                }, eventId);
        var ratingCount = histogram.values().stream().mapToInt(Integer::intValue).sum();
        var sum = histogram.entrySet().stream().mapToInt(e -> Integer.parseInt(e.getKey()) * e.getValue()).sum();
        var average = ratingCount == 0 ? null : Math.round(100.0 * sum / ratingCount) / 100.0;
        var comments = withComments ? jdbc.query(COMMENTS + "order by r.created_at asc, r.id asc", COMMENT, eventId)
                : java.util.List.<Comment>of();
        return new EventFeedback(eventId, buttons + reactions, buttons, reactions, channelReactions(eventId),
                ratingCount, average, histogram, comments);
    }

    /** Of these events, the ones rated most recently first (at most {@code limit}); events without ratings left out. */
    @Transactional(readOnly = true)
    public List<Long> mostRecentlyRated(java.util.Collection<Long> eventIds, int limit) {
        if (eventIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        var placeholders = String.join(", ", java.util.Collections.nCopies(eventIds.size(), "?"));
        var args = new java.util.ArrayList<Object>(eventIds);
        args.add(limit);
        return jdbc.queryForList("select event_id from event_rating where event_id in (" + placeholders + ") "
                + "group by event_id order by max(updated_at) desc, event_id fetch first ? rows only", Long.class,
                args.toArray());
    }

    /**
     * The anonymous reaction counts Telegram reports for a channel post about the event; each report replaces the
     * post's previous one (they are totals, not changes).
     */
    public void recordChannelReactions(long eventId, long chatId, long messageId, Map<String, Integer> counts) {
        jdbc.update("delete from channel_reaction where chat_id = ? and message_id = ?", chatId, messageId);
        counts.forEach((emoji, count) -> {
            if (count > 0) {
                jdbc.update("insert into channel_reaction (chat_id, message_id, event_id, emoji, reaction_count) "
                        + "values (?, ?, ?, ?, ?)", chatId, messageId, eventId, emoji, count);
            }
        });
    }

    /** The channel's reactions to posts about the event, by emoji, most frequent first. */
    private Map<String, Integer> channelReactions(long eventId) {
        var byEmoji = new LinkedHashMap<String, Integer>();
        jdbc.query("select emoji, sum(reaction_count) from channel_reaction where event_id = ? group by emoji "
                + "order by sum(reaction_count) desc, emoji", rs -> {
                    byEmoji.put(rs.getString(1), rs.getInt(2));
                }, eventId);
        return byEmoji;
    }

    /** Likes given to the event per day (UTC), oldest first: days without likes are left out. */
    @Transactional(readOnly = true)
    public java.util.List<DailyLikes> likesPerDay(long eventId) {
        requireEvent(eventId);
        return jdbc.query("select cast(created_at as date) as liked_on, count(*) from event_like "
                        + "where event_id = ? group by cast(created_at as date) order by liked_on",
                (rs, n) -> new DailyLikes(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2)), eventId);
    }

    /** Likes, ratings and their average for every event that has any, by event id (two grouped queries). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, EventFigures> figuresByEvent() {
        var figures = new java.util.HashMap<Long, EventFigures>();
        jdbc.query("select event_id, count(*) from event_like group by event_id", rs -> {
            figures.put(rs.getLong(1), new EventFigures(rs.getInt(2), 0, null));
        });
        jdbc.query("select event_id, count(*), avg(cast(rating as double precision)) from event_rating "
                + "group by event_id", rs -> {
            var likes = figures.getOrDefault(rs.getLong(1), EventFigures.NONE).likes();
            figures.put(rs.getLong(1), new EventFigures(likes, rs.getInt(2),
                    Math.round(100.0 * rs.getDouble(3)) / 100.0));
        });
        return figures;
    }

    private static final String COMMENTS = "select r.id, r.event_id, r.telegram_user_id, p.first_name, p.last_name, "
            + "r.rating, r.comment, r.comment_hidden, r.created_at, "
            + "(select count(*) from comment_like l where l.rating_id = r.id) "
            + "from event_rating r left join participant p on p.telegram_user_id = r.telegram_user_id "
            + "where r.event_id = ? and r.comment is not null ";

    private static final RowMapper<Comment> COMMENT = (rs, n) -> new Comment(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), name(rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getBoolean(8),
            rs.getInt(10), rs.getTimestamp(9).toInstant());

    private static String name(String first, String last) {
        var name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? "—" : name;
    }

    private void requireEvent(long eventId) {
        if (!events.exists(eventId)) {
            throw new EventNotFoundException(eventId);
        }
    }

    private int count(String sql, Object... args) {
        var count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
