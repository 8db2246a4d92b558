package ru.eventbot.material;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MaterialRepository extends JpaRepository<Material, Long> {

    List<Material> findByEventIdOrderByIdAsc(long eventId);

    @org.springframework.data.jpa.repository.Query("select m.id from Material m where m.createdAt > ?1 order by m.id")
    List<Long> findIdsPublishedAfter(java.time.Instant since);

    List<Material> findBySha256AndTelegramFileIdIsNotNull(String sha256);

    @Query("select m.eventId, count(m) from Material m group by m.eventId")
    List<Object[]> countByEvent();

    @Modifying
    @Query("update Material m set m.telegramFileId = :fileId where m.sha256 = :sha256 and m.telegramFileId is null")
    int rememberFileIdForSameBytes(String sha256, String fileId);
}
