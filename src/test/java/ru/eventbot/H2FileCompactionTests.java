package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The file of an H2 database written commit by commit with WRITE_DELAY=0 shrinks back to near its data. */
class H2FileCompactionTests {

    @TempDir
    Path dataDir;

    @Test
    void aFileGrownByManySmallCommitsShrinksOnceTheWritesCalmDownAndKeepsEveryRow() throws Exception {
        // given: 3,000 commits of a few rows each, the intake's pattern, as the bot configures H2
        var dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("eventbot")
                + ";WRITE_DELAY=0", "sa", "", true);
        var jdbc = createMessages(dataSource);
        writeCommits(jdbc, 0, 3_000, new Random(1));
        var grown = Files.size(file());
        var compaction = new H2FileCompaction(dataSource);
        // when: the scheduled runs of the next minutes, the writes over
        long freed = 0;
        for (int run = 0; run < 3; run++) {
            freed += compaction.compactNow();
        }
        // then
        var compacted = Files.size(file());
        assertThat(freed).isPositive();
        assertThat(compacted).as("from %d bytes", grown).isLessThan(grown / 4);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(15_000);
        var byIndex = "select sum(id) from message use index (ix_message_user) where user_id < 500";
        var byScan = "select sum(id) from message use index () where user_id < 500";
        assertThat(jdbc.queryForObject(byIndex, Long.class)).isEqualTo(jdbc.queryForObject(byScan, Long.class));
        dataSource.destroy();
        // and the file opens again as it was
        var reopened = new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("eventbot"), "sa", "", true);
        assertThat(new JdbcTemplate(reopened).queryForObject("select count(*) from message", Integer.class))
                .isEqualTo(15_000);
        reopened.destroy();
    }

    @Test
    void aBusyDatabasesFileGrowsFarLessWithTheShortRewritesAlone() throws Exception {
        // given: the same commits written twice, once with a run of the compaction after each 300 (all busy runs);
        // no retention of dead chunks, which in service (45 s) only delays their reuse past the next runs

        var left = dataDir.resolve("left");
        var compacted = dataDir.resolve("compacted");
        var leftAlone = writeInRounds(left, null);
        var dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + compacted.resolve("eventbot")
                + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
        var compaction = new H2FileCompaction(dataSource);
        // when
        var withBusyRuns = writeInRounds(compacted, compaction);
        // then: the space the rewrites freed was used again, and every row is there
        assertThat(withBusyRuns).as("left alone: %d bytes", leftAlone).isLessThan(leftAlone / 2);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from message", Integer.class))
                .isEqualTo(15_000);
        dataSource.destroy();
    }

    /** 3,000 commits of five rows each, in ten rounds; the file's size after them. */
    private static long writeInRounds(Path folder, H2FileCompaction compaction) throws Exception {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + folder.resolve("eventbot")
                + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
        var jdbc = createMessages(dataSource);
        var random = new Random(1);
        for (int round = 0; round < 10; round++) {
            writeCommits(jdbc, round * 300, (round + 1) * 300, random);
            if (compaction != null) {
                assertThat(compaction.compactNow()).as("a busy run shrinks nothing").isZero();
            }
        }
        var size = Files.size(folder.resolve("eventbot.mv.db"));
        if (compaction == null) {
            dataSource.destroy();
        }
        return size;
    }

    private static JdbcTemplate createMessages(DataSource dataSource) {
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table message (id bigint primary key, user_id bigint, text varchar(200))");
        jdbc.execute("create index ix_message_user on message (user_id, id)");
        return jdbc;
    }

    /** Five rows for each of {@code from} to {@code to} (exclusive), each insert committed on its own. */
    private static void writeCommits(JdbcTemplate jdbc, int from, int to, Random random) {
        for (int commit = from; commit < to; commit++) {
            for (int row = 0; row < 5; row++) {
                jdbc.update("insert into message values (?, ?, ?)", commit * 5L + row, (long) random.nextInt(1_000),
                        "Мероприятие прошло успешно, проводите такие чаще!");
            }
        }
    }

    @Test
    void aBusyDatabaseGetsAShortRewriteAndAQuietOneTimeToCatchUp() {
        assertThat(H2FileCompaction.busy(Long.MAX_VALUE)).isTrue();
        assertThat(H2FileCompaction.busy(1_000)).isTrue();
        assertThat(H2FileCompaction.busy(3)).isFalse();
    }

    @Test
    void anotherDatabaseIsLeftAlone() throws Exception {
        // given: an H2 in memory stands in for a database that has no file to compact
        DataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:compaction", "sa", "", true);
        // when / then
        assertThat(new H2FileCompaction(dataSource).compactNow()).isZero();
    }

    private Path file() {
        return dataDir.resolve("eventbot.mv.db");
    }
}
