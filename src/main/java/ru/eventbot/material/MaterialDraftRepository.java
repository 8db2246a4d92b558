package ru.eventbot.material;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialDraftRepository extends JpaRepository<MaterialDraft, Long> {
}
