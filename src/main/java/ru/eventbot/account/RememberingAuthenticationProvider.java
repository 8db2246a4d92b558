package ru.eventbot.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs organisers in with their stored BCrypt hashes, and remembers for a few minutes which user name and password
 * were just verified. The HTTP API is stateless (HTTP Basic on every request), and a BCrypt check costs tens of
 * milliseconds of CPU by design: a script polling a broadcast's progress several times a second would otherwise
 * spend a core on hashing. Only successes are remembered, under an HMAC of the credentials with a key drawn at
 * start (never the password itself); a wrong password always goes to BCrypt, and to the sign-in throttle.
 */
@Component
class RememberingAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final DaoAuthenticationProvider bcrypt;
    private final Cache<String, Authentication> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED_FOR)
            .maximumSize(1_000)
            .build();
    private final SecretKeySpec key;

    RememberingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        this.bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return bcrypt.authenticate(authentication);
        }
        var fingerprint = fingerprint(authentication.getName(), password);
        var remembered = verified.getIfPresent(fingerprint);
        if (remembered != null) {
            return remembered;
        }
        var result = bcrypt.authenticate(authentication);
        verified.put(fingerprint, UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                result.getAuthorities()));
        return result;
    }

    /** After an account's password or role changed: its next request is checked with BCrypt again. */
    @EventListener
    void forget(AccountChanged changed) {
        verified.asMap().keySet().removeIf(fingerprint -> fingerprint.startsWith(changed.username() + "\u0000"));
    }

    private String fingerprint(String username, String password) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var digest = mac.doFinal((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
            return username + "\u0000" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return bcrypt.supports(authentication);
    }
}
