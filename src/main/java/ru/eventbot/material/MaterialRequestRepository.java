package ru.eventbot.material;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialRequestRepository extends JpaRepository<MaterialRequest, Long> {

    List<MaterialRequest> findByStatusOrderByIdAsc(MaterialRequestStatus status);

    List<MaterialRequest> findAllByOrderByIdAsc();
}
