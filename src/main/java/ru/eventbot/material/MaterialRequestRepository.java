package ru.eventbot.material;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaterialRequestRepository extends JpaRepository<MaterialRequest, Long> {

    List<MaterialRequest> findByStatusOrderByIdAsc(MaterialRequestStatus status);

    List<MaterialRequest> findAllByOrderByIdAsc();

    @Query("select r.terms, count(r), min(r.createdAt) from MaterialRequest r where r.status = :status "
            + "group by r.terms order by count(r) desc, min(r.createdAt) asc")
    List<Object[]> countByTerms(MaterialRequestStatus status);
}
