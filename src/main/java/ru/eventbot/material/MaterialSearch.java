package ru.eventbot.material;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/**
 * Full-text search over materials (Hibernate Search, embedded Lucene): the words of a request are matched against
 * titles, speakers, talks, events and descriptions in Russian and English (stemmed), and speakers' names also with
 * one typo and across alphabets. The words are never parsed as query syntax: {@code *}, {@code "}, {@code AND} are
 * plain text to the match predicate.
 */
@Component
class MaterialSearch {

    /** A material and how well it answers the request. */
    record Hit(Material material, float score) {
    }

    private final EntityManager entityManager;

    MaterialSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The best hits, best first; none for no words. Runs in the caller's transaction. */
    List<Hit> find(String words, int limit) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return Search.session(entityManager).search(Material.class)
                .select(f -> f.composite().from(f.entity(), f.score()).as(Hit::new))
                .where(f -> matching(f, words))
                .fetchHits(limit);
    }

    /** Whether the material {@code materialId} answers the request: the same search, over that one material. */
    boolean answers(long materialId, String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        return Search.session(entityManager).search(Material.class)
                .where(f -> f.bool().must(f.id().matching(materialId)).must(matching(f, words)))
                .fetchTotalHitCount() > 0;
    }

    private static PredicateFinalStep matching(SearchPredicateFactory f, String words) {
        var latin = Transliteration.toLatin(words);
        return f.bool()
                .should(f.match().field("speaker").boost(3f).field("speaker_en").boost(3f).matching(words))
                .should(f.match().field("speaker").field("speaker_en").matching(words).fuzzy(1, 1))
                .should(f.match().field("speaker_latin").boost(2f).matching(latin).fuzzy(1, 1))
                .should(f.match().field("title").boost(2f).field("title_en").boost(2f)
                        .field("talk").field("talk_en").matching(words))
                .should(f.match().field("title").field("title_en").field("talk").field("talk_en")
                        .matching(words).fuzzy(1, 2).boost(0.5f))
                .should(f.match().field("event").field("event_en").boost(0.8f).matching(words))
                .should(f.match().field("description").field("description_en").boost(0.5f).matching(words));
    }
}
