package ru.eventbot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingAuthenticationProviderTests {

    /** BCrypt at its lowest cost, counting how often it is asked to check a password. */
    static final class CountingEncoder implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final String hash = encoder.encode("верный-пароль-1");
    private final RememberingAuthenticationProvider provider = new RememberingAuthenticationProvider(username -> {
        if (!username.equals("taisia")) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername("taisia").password(hash).roles("ORGANISER").build();
    }, encoder);

    @Test
    void aPasswordJustVerifiedIsNotHashedAgainForTheNextRequest() {
        // when
        var first = provider.authenticate(basic("taisia", "верный-пароль-1"));
        var second = provider.authenticate(basic("taisia", "верный-пароль-1"));
        // then
        assertThat(encoder.checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("taisia");
        assertThat(second.getCredentials()).as("no password kept").isNull();
        assertThat(second.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactlyElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeEvenAfterTheRightOneWasRemembered() {
        // given
        provider.authenticate(basic("taisia", "верный-пароль-1"));
        // when / then
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(basic("taisia", "верный-пароль-2")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.checks).hasValue(4);
        assertThatThrownBy(() -> provider.authenticate(basic("someone", "верный-пароль-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void afterTheAccountChangesItsPasswordIsCheckedAgain() {
        // given
        provider.authenticate(basic("taisia", "верный-пароль-1"));
        // when
        provider.forget(new AccountChanged("taisia"));
        provider.authenticate(basic("taisia", "верный-пароль-1"));
        // then
        assertThat(encoder.checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken basic(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
