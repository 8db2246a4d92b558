package ru.eventbot.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(noRollbackFor = InvalidAccountException.class)
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final OrganiserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountService(OrganiserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganiserAccount> find(String username) {
        return accounts.findByUsername(username);
    }

    /**
     * Makes sure the first administrator exists. With a password from the environment it is created or reset to
     * it; without one, a random password is generated and printed once, when the account is first created.
     */
    public void ensureAdmin(String username, String configuredPassword) {
        var existing = accounts.findByUsername(username);
        var hasPassword = configuredPassword != null && !configuredPassword.isBlank();
        if (hasPassword && configuredPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("EVENTBOT_ADMIN_PASSWORD is longer than 72 bytes, which BCrypt "
                    + "cannot hash: choose a shorter one (72 Latin or 36 Cyrillic characters at most)");
        }
        if (existing.isPresent()) {
            var account = existing.get();
            if (hasPassword && !passwordEncoder.matches(configuredPassword, account.getPasswordHash())) {
                account.changePasswordHash(passwordEncoder.encode(configuredPassword));
                events.publishEvent(new AccountChanged(username));
                log.info("Password of organiser account '{}' set from EVENTBOT_ADMIN_PASSWORD", username);
            }
            return;
        }
        var password = hasPassword ? configuredPassword : randomPassword();
        accounts.save(new OrganiserAccount(username, passwordEncoder.encode(password), Role.ADMIN, clock.instant()));
        if (hasPassword) {
            log.info("Created organiser account '{}' with the password from EVENTBOT_ADMIN_PASSWORD", username);
        } else {
            log.warn("Created organiser account '{}' with the generated password: {}  (shown only this once; set "
                    + "EVENTBOT_ADMIN_PASSWORD to choose your own)", username, password);
        }
    }

    /** Every account, by name, for administrators. */
    @Transactional(readOnly = true)
    public java.util.List<OrganiserAccount> all() {
        return accounts.findAllByOrderByUsernameAsc();
    }

    /** A new account an administrator creates; refused (before anything is written) when the name is taken. */
    public OrganiserAccount create(String username, String password, Role role) {
        var name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new InvalidAccountException("The user name must be 3 to 64 Latin letters, digits or . _ @ -.");
        }
        if (password == null || password.length() < 10) {
            throw new InvalidAccountException("The password must be at least 10 characters long.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new InvalidAccountException("The password is longer than 72 bytes, which BCrypt cannot hash.");
        }
        if (role == null) {
            throw new InvalidAccountException("Choose a role: ORGANISER or ADMIN.");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw new InvalidAccountException("There is already an account named " + name + ".");
        }
        var account = accounts.save(new OrganiserAccount(name, passwordEncoder.encode(password), role, clock.instant()));
        log.info("Organiser account '{}' created with role {}", name, role);
        return account;
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
