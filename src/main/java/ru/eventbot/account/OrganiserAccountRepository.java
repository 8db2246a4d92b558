package ru.eventbot.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganiserAccountRepository extends JpaRepository<OrganiserAccount, Long> {

    Optional<OrganiserAccount> findByUsername(String username);

    java.util.List<OrganiserAccount> findAllByOrderByUsernameAsc();
}
