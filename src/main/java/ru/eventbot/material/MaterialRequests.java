package ru.eventbot.material;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.conversation.ConversationService;
import ru.eventbot.conversation.Keyboard;
import ru.eventbot.conversation.OutgoingMessage;

/**
 * Participants' requests for materials in their own words: answered from the index at once when it has what they
 * want, otherwise kept WAITING and fulfilled when a material that answers them is published.
 */
@Service
@Transactional
public class MaterialRequests {

    private static final Logger log = LoggerFactory.getLogger(MaterialRequests.class);
    /** A best hit at least this many times as good as the next one is "one clear hit". */
    private static final float CLEAR_LEAD = 1.5f;
    /** Hits below this share of the best one's score are not offered. */
    private static final float CLOSE = 0.5f;

    private final MaterialSearch search;
    private final MaterialService materials;
    private final MaterialRequestRepository requests;
    private final MaterialCaptions captions;
    private final MaterialProperties properties;
    private final ConversationService conversations;
    private final Clock clock;
    private final MaterialRepository materialIds;

    MaterialRequests(MaterialSearch search, MaterialService materials, MaterialRequestRepository requests,
                     MaterialCaptions captions, MaterialProperties properties, ConversationService conversations,
                     Clock clock, MaterialRepository materialIds) {
        this.materialIds = materialIds;
        this.search = search;
        this.materials = materials;
        this.requests = requests;
        this.captions = captions;
        this.properties = properties;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * Whether a participant's text asks for a material (cheap: no search, no database; static, so that checking
     * every text a participant writes costs no transactional proxy).
     */
    public static boolean isRequest(String text) {
        return RequestWords.of(text).request();
    }

    /** Answers a participant's text: the material, a choice, or a waiting request. */
    public MaterialAnswer answer(MaterialAsk ask) {
        var words = RequestWords.of(ask.text());
        if (!words.request()) {
            return new MaterialAnswer.NotARequest();
        }
        if (!words.hasSubject()) {
            return words.asking() ? new MaterialAnswer.Unclear() : new MaterialAnswer.NotARequest();
        }
        var hits = search.find(words.subject(), 10);
        if (hits.isEmpty() && !words.asking()) {
            // "вопрос о материалах": mentions materials, asks for none; it is a message for the organisers
            return new MaterialAnswer.NotARequest();
        }
        if (hits.isEmpty()) {
            var request = requests.save(MaterialRequest.waiting(ask, words.subject(), clock.instant()));
            // not the words: they are the participant's text (GET /api/v1/material-requests shows them)
            log.info("Material request {} waits: nothing matches", request.getId());
            return new MaterialAnswer.Waiting(request);
        }
        var best = hits.get(0);
        var clear = hits.size() == 1 || best.score() >= hits.get(1).score() * CLEAR_LEAD;
        if (words.all() || (words.general() && !clear)) {
            var event = best.material().getEventId();
            var sameEvent = hits.stream().filter(hit -> hit.score() >= best.score() * CLOSE)
                    .allMatch(hit -> hit.material().getEventId() == event);
            var all = sameEvent ? materials.forEvent(event) : List.<Material>of();
            if (all.size() > 1) {
                return new MaterialAnswer.Choices(all, true);
            }
        }
        if (clear) {
            return new MaterialAnswer.Found(best.material());
        }
        var close = new ArrayList<Material>();
        for (var hit : hits) {
            if (hit.score() >= best.score() * CLOSE && close.size() < properties.choices()) {
                close.add(hit.material());
            }
        }
        return close.size() == 1 ? new MaterialAnswer.Found(close.get(0)) : new MaterialAnswer.Choices(close, false);
    }

    /** Requests, oldest first, for the organisers. */
    @Transactional(readOnly = true)
    public List<MaterialRequest> all() {
        return requests.findAllByOrderByIdAsc();
    }

    /** What participants wait for, most asked first: "3 people are waiting for «таисии»". */
    @Transactional(readOnly = true)
    public List<WaitingGroup> waiting() {
        return requests.countByTerms(MaterialRequestStatus.WAITING).stream()
                .map(row -> new WaitingGroup((String) row[0], ((Number) row[1]).intValue(), (java.time.Instant) row[2]))
                .toList();
    }

    /** Requests waiting for the same words: how many, and since when. */
    public record WaitingGroup(String words, int waiting, java.time.Instant since) {
    }

    /**
     * A new material against every WAITING request: each that it answers (the same search, over this material) is
     * FULFILLED and the file queued for its participant, with a line saying it is what they asked for.
     */
    /**
     * Fulfils waiting requests that a material published in the last day answers, but that were stored too late
     * for its {@link MaterialPublished}: a request handled while the material was being published, or one handled
     * again after a kill while the search index had not yet got the material (found by the kill test). Cheap when
     * nothing waits.
     */
    public int fulfilLateRequests(java.time.Duration window) {
        if (requests.findByStatusOrderByIdAsc(MaterialRequestStatus.WAITING).isEmpty()) {
            return 0;
        }
        var fulfilled = 0;
        for (var materialId : materialIds.findIdsPublishedAfter(clock.instant().minus(window))) {
            fulfilled += fulfilWith(materialId);
        }
        return fulfilled;
    }

    public int fulfilWith(long materialId) {
        var material = materials.find(materialId).orElse(null);
        if (material == null) {
            log.warn("Material {} was published but is gone; no waiting request fulfilled", materialId);
            return 0;
        }
        var notices = new ArrayList<OutgoingMessage>();
        for (var request : requests.findByStatusOrderByIdAsc(MaterialRequestStatus.WAITING)) {
            if (search.answers(materialId, request.getTerms())
                    && requests.claimForFulfilment(request.getId(), materialId, clock.instant()) == 1) {
                notices.add(OutgoingMessage.document(request.getTelegramUserId(), request.getChatId(),
                        captions.fulfilled(material, request), materialId, Keyboard.none()));
            }
        }
        if (!notices.isEmpty()) {
            conversations.queueNotices(notices);
            log.info("Material {} fulfils {} waiting request(s)", materialId, notices.size());
        }
        return notices.size();
    }
}
