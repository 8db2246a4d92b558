package ru.eventbot.material;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index lives in the data folder next to the database. Materials are indexed as they are saved; when
 * the index and the database disagree at start (the index folder was deleted, or a crash came between the commit
 * and the index write), the index is rebuilt from the database.
 */
@Component
class MaterialIndex {

    private static final Logger log = LoggerFactory.getLogger(MaterialIndex.class);

    private final EntityManagerFactory entityManagerFactory;
    private final EntityManager entityManager;
    private final MaterialRepository materials;
    private final TransactionTemplate transaction;

    MaterialIndex(EntityManagerFactory entityManagerFactory, EntityManager entityManager,
                  MaterialRepository materials, TransactionTemplate transaction) {
        this.entityManagerFactory = entityManagerFactory;
        this.entityManager = entityManager;
        this.materials = materials;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfStale() {
        var counts = transaction.execute(status -> new long[] {materials.count(),
                Search.session(entityManager).search(Material.class).where(f -> f.matchAll()).fetchTotalHitCount()});
        if (counts[0] == counts[1]) {
            return;
        }
        log.info("The search index holds {} of {} materials: rebuilding it", counts[1], counts[0]);
        try {
            Search.mapping(entityManagerFactory).scope(Material.class).massIndexer().startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
