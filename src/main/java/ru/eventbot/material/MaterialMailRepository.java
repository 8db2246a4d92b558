package ru.eventbot.material;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialMailRepository extends JpaRepository<MaterialMail, Long> {
}
