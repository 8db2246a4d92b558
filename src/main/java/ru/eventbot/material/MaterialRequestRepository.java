package ru.eventbot.material;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MaterialRequestRepository extends JpaRepository<MaterialRequest, Long> {

    List<MaterialRequest> findByStatusOrderByIdAsc(MaterialRequestStatus status);

    List<MaterialRequest> findAllByOrderByIdAsc();

    /**
     * Claims a waiting request for a material: 1 when this transaction fulfils it, 0 when another did first (two
     * instances may match the same request at once; the row lock and the status check let only one send the file).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update MaterialRequest r set r.status = ru.eventbot.material.MaterialRequestStatus.FULFILLED, "
            + "r.materialId = :materialId, r.fulfilledAt = :now "
            + "where r.id = :id and r.status = ru.eventbot.material.MaterialRequestStatus.WAITING")
    int claimForFulfilment(long id, long materialId, java.time.Instant now);

    @Query("select r.terms, count(r), min(r.createdAt) from MaterialRequest r where r.status = :status "
            + "group by r.terms order by count(r) desc, min(r.createdAt) asc")
    List<Object[]> countByTerms(MaterialRequestStatus status);
}
