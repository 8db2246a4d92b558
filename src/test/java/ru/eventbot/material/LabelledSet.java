package ru.eventbot.material;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The labelled requests of {@code src/test/resources/material-search}: materials, requests in participants' words
 * and the material each means; with any number of other materials around them (speakers and topics of their own),
 * written straight to the database and indexed in bulk.
 */
final class LabelledSet {

    record Request(String text, String expectedTitle) {
    }

    private static final long FIRST_ID = 1_000_000;
    private static final String[] MEN = {"Олег", "Игорь", "Сергей", "Андрей", "Николай", "Роман", "Михаил", "Кирилл",
            "Денис", "Георгий"};
    private static final String[] WOMEN = {"Анна", "Елена", "Татьяна", "Ольга", "Галина", "Вера", "Людмила", "Алина",
            "Полина", "Зоя"};
    private static final String[] FIRST_EN = {"Robert", "Linda", "Michael", "Karen", "David"};
    private static final String[] LAST = {"Соколов", "Попов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков",
            "Соловьёв", "Васильев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Фёдоров", "Медведев",
            "Ершов", "Никитин", "Захаров", "Тарасов", "Белов", "Комаров", "Жуков", "Баранов", "Куликов"};
    private static final String[] LAST_EN = {"Brown", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore"};
    private static final String[] TOPIC = {"Развитие", "Практика", "Опыт", "Регламенты", "Платформа", "Управление",
            "Проектный офис", "Электронный документооборот", "Межведомственное взаимодействие", "Аналитика",
            "Обучение персонала", "Госзакупки", "Бюджетирование", "Энергоэффективность", "Транспорт",
            "Здравоохранение", "Образование", "Туризм", "Экология", "Инвестиции", "Земельные отношения",
            "Социальная поддержка", "Архивы", "Кадровый резерв", "Волонтёрство"};
    private static final String[] SCOPE = {"в регионе", "для бизнеса", "в 2026 году", "муниципалитетов",
            "в малых городах", "для молодёжи", "на практике", "за год", "и KPI", "без бумаги"};
    private static final String[] TOPIC_EN = {"Budget planning", "Procurement", "Urban transport", "Open government",
            "Staff training", "Green energy", "Tourism growth", "Healthcare access"};

    private LabelledSet() {
    }

    static List<String[]> materials() {
        return rows("material-search/materials.tsv");
    }

    static List<Request> requests() {
        return rows("material-search/requests.tsv").stream().map(row -> new Request(row[0], row[1])).toList();
    }

    /** Writes the labelled materials and {@code others} more, then indexes them all; returns how many there are. */
    static int load(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory, int others) {
        var events = new LinkedHashMap<String, Long>();
        var rows = new ArrayList<Object[]>();
        var id = FIRST_ID;
        for (var material : materials()) {
            var event = events.computeIfAbsent(material[0], title -> FIRST_ID + events.size());
            rows.add(row(++id, event, material[0], material[1], material[2]));
        }
        var random = new Random(20261126);
        for (int i = 0; i < others; i++) {
            var eventTitle = "Семинар №" + (i % 400 + 1);
            var event = events.computeIfAbsent(eventTitle, title -> FIRST_ID + events.size());
            var english = random.nextInt(8) == 0;
            var speaker = english ? FIRST_EN[random.nextInt(FIRST_EN.length)] + " " + LAST_EN[random.nextInt(LAST_EN.length)]
                    : russianName(random);
            var title = english ? TOPIC_EN[random.nextInt(TOPIC_EN.length)] + " " + (i % 50)
                    : TOPIC[random.nextInt(TOPIC.length)] + " " + SCOPE[random.nextInt(SCOPE.length)];
            rows.add(row(++id, event, eventTitle, title, speaker));
        }
        var now = Timestamp.from(Instant.parse("2026-11-20T09:00:00Z"));
        jdbc.batchUpdate("insert into event (id, title, starts_at, ends_at, time_zone, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, 'Europe/Moscow', ?, ?, 0)",
                events.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey(), now, now, now, now})
                        .toList());
        jdbc.batchUpdate("insert into material (id, event_id, event_title, title, speaker, file_name, stored_path, "
                + "size_bytes, content_type, sha256, created_at) values (?, ?, ?, ?, ?, 'slides.pdf', "
                + "'materials/none.pdf', 1, 'application/pdf', ?, ?)", rows.stream().map(r -> new Object[] {r[0], r[1],
                r[2], r[3], r[4], "sha-" + r[0], now}).toList());
        try {
            Search.mapping(entityManagerFactory).scope(Material.class).massIndexer().startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return rows.size();
    }

    /** The title of the best hit for a participant's text, searched the way the bot does; null for none. */
    static String topTitle(MaterialSearch search, org.springframework.transaction.support.TransactionTemplate transaction,
                           String text) {
        return transaction.execute(status -> {
            var hits = search.find(RequestWords.of(text).subject(), 1);
            return hits.isEmpty() ? null : hits.get(0).material().getTitle();
        });
    }

    static void unload(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        jdbc.update("delete from material_request");
        jdbc.update("delete from material where id > ?", FIRST_ID);
        jdbc.update("delete from event where id >= ?", FIRST_ID);
        Search.mapping(entityManagerFactory).scope(Material.class).workspace().purge();
    }

    private static String russianName(Random random) {
        var last = LAST[random.nextInt(LAST.length)];
        return random.nextBoolean() ? MEN[random.nextInt(MEN.length)] + " " + last
                : WOMEN[random.nextInt(WOMEN.length)] + " " + last + "а";
    }

    private static Object[] row(long id, long event, String eventTitle, String title, String speaker) {
        return new Object[] {id, event, eventTitle, title, speaker};
    }

    private static List<String[]> rows(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
