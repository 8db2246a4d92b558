package ru.eventbot.material;

import ru.eventbot.testsupport.ScratchDirectories;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.eventbot.participant.Language;

/**
 * Material search over 10,000 materials, the index on disk as in production: top-1 precision of the labelled
 * requests, and the latency of answering a request (words, search, entities loaded, in its own transaction).
 * {@code ./mvnw -Pbenchmark verify}; figures in docs/benchmarks.md.
 */
@DataJpaTest(showSql = false)
@Import(MaterialSliceConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MaterialSearchBenchmark {

    private static final int MATERIALS = 10_000;
    private static final int ROUNDS = 30;

    @DynamicPropertySource
    static void indexOnDisk(DynamicPropertyRegistry registry) throws IOException {
        var folder = ScratchDirectories.create("eventbot-index");
        registry.add("spring.jpa.properties.hibernate.search.backend.directory.type", () -> "local-filesystem");
        registry.add("spring.jpa.properties.hibernate.search.backend.directory.root", folder::toString);
    }

    @Autowired
    MaterialSearch search;

    @Autowired
    MaterialRequests requests;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void searchOverTenThousandMaterials() {
        // given
        var loadStart = System.nanoTime();
        var total = LabelledSet.load(jdbc, entityManagerFactory, MATERIALS - LabelledSet.materials().size());
        var loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        var labelled = LabelledSet.requests();
        // when: precision
        var misses = new ArrayList<String>();
        for (var request : labelled) {
            var top = LabelledSet.topTitle(search, transaction, request.text());
            if (!request.expectedTitle().equals(top)) {
                misses.add(request.text() + " → " + top);
            }
        }
        // when: latency, after a warm-up round
        var samples = new long[labelled.size() * ROUNDS];
        var n = 0;
        for (int round = -3; round < ROUNDS; round++) {
            for (var request : labelled) {
                var start = System.nanoTime();
                transaction.execute(status -> requests.answer(new MaterialAsk(1, 1, Language.RU, request.text())));
                var took = System.nanoTime() - start;
                if (round >= 0) {
                    samples[n++] = took;
                }
            }
        }
        Arrays.sort(samples);
        // then
        var precision = 1.0 - (double) misses.size() / labelled.size();
        System.out.printf("%nMATERIAL SEARCH over %d materials (indexed in %d ms): %d labelled requests, top-1 "
                        + "precision %.1f%% (misses: %s); answer latency over %d requests: p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n", total, loadMillis, labelled.size(), precision * 100, misses,
                samples.length, millis(samples, 0.50), millis(samples, 0.95), millis(samples, 0.99),
                samples[samples.length - 1] / 1e6);
        assertThat(total).isEqualTo(MATERIALS);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }

}
