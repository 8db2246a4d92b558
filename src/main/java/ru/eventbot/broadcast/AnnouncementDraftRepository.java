package ru.eventbot.broadcast;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnnouncementDraftRepository extends JpaRepository<AnnouncementDraft, Long> {
}
