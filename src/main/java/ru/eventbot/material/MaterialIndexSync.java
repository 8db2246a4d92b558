package ru.eventbot.material;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.fleet.Fleet;

/**
 * Several instances on one database each keep their own search index (embedded Lucene in the data folder). A
 * material published through another instance is added to this one's index within seconds, and the requests this
 * instance stored meanwhile, which its index could not yet answer, are fulfilled by it then (a request is claimed
 * in the database, so an instance matching it at the same moment does not send the file again). On the embedded H2
 * there is one instance, which indexes what it publishes as it commits.
 */
@Component
class MaterialIndexSync {

    /** Longer than any transaction that publishes a material, so that one committed late is still seen. */
    static final Duration LOOK_BACK = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MaterialIndexSync.class);

    private final Fleet fleet;
    private final MaterialRepository materials;
    private final MaterialRequests requests;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /**
     * Materials of the look-back window this instance's index has. Empty at start, so the first check indexes the
     * last hour's materials again (adding one twice only replaces it) rather than trust a snapshot that a
     * publication between start and the first check would make wrong.
     */
    private final Set<Long> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MaterialIndexSync(Fleet fleet, MaterialRepository materials, MaterialRequests requests,
                      EntityManager entityManager, TransactionTemplate transaction, Clock clock) {
        this.fleet = fleet;
        this.materials = materials;
        this.requests = requests;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Indexed here as its transaction commits (automatic indexing): nothing to catch up on. */
    @EventListener
    void publishedHere(MaterialPublished published) {
        indexed.add(published.materialId());
    }

    @Scheduled(initialDelayString = "${eventbot.material.index-sync:PT5S}",
            fixedDelayString = "${eventbot.material.index-sync:PT5S}")
    void catchUp() {
        if (!fleet.shared()) {
            return;
        }
        try {
            var recent = materials.findIdsPublishedAfter(clock.instant().minus(LOOK_BACK));
            log.debug("Materials of the last hour: {}; indexed here: {}", recent, indexed);
            var missing = new ArrayList<Long>();
            for (var id : recent) {
                if (!indexed.contains(id)) {
                    missing.add(id);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            transaction.executeWithoutResult(status -> {
                var plan = Search.session(entityManager).indexingPlan();
                materials.findAllById(missing).forEach(plan::addOrUpdate);
            });
            indexed.addAll(missing);
            indexed.retainAll(Set.copyOf(recent));
            log.info("{} material(s) added to this instance's search index (published through another instance)",
                    missing.size());
            missing.forEach(requests::fulfilWith);
        } catch (RuntimeException e) {
            log.error("Could not bring this instance's search index up to date; trying again shortly", e);
        }
    }
}
