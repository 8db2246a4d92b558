package ru.eventbot.material;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailAddressRepository extends JpaRepository<MailAddress, Long> {
}
