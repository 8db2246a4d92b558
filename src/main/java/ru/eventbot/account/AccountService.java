package ru.eventbot.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final OrganiserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(OrganiserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
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

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
