package ru.eventbot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import ru.eventbot.MutableClock;

@DataJpaTest(showSql = false)
@ExtendWith(OutputCaptureExtension.class)
@Import({AccountService.class, PasswordConfiguration.class, AccountServiceTests.Config.class})
class AccountServiceTests {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Pattern GENERATED = Pattern.compile("with the generated password: (\\S+)");

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    AccountService accounts;

    @Autowired
    OrganiserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestEntityManager entityManager;

    @Test
    void createsTheFirstAdminWithABcryptHashOfTheConfiguredPassword(CapturedOutput output) {
        // given / when
        accounts.ensureAdmin("admin", "correct horse battery staple");
        flushAndClear();

        // then
        assertThat(accounts.find("admin")).hasValueSatisfying(account -> {
            assertThat(account.getRole()).isEqualTo(Role.ADMIN);
            assertThat(account.getCreatedAt()).isEqualTo(NOW);
            assertThat(account.getPasswordHash()).startsWith("$2").doesNotContain("correct horse");
            assertThat(passwordEncoder.matches("correct horse battery staple", account.getPasswordHash())).isTrue();
        });
        assertThat(output.getAll()).doesNotContain("correct horse battery staple");
    }

    @Test
    void generatesAndLogsAPasswordOnceWhenNoneIsConfigured(CapturedOutput output) {
        // given
        accounts.ensureAdmin("admin", "");
        flushAndClear();
        var hash = repository.findByUsername("admin").orElseThrow().getPasswordHash();

        // when
        accounts.ensureAdmin("admin", null);
        flushAndClear();

        // then
        var matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is logged").isTrue();
        var generated = matcher.group(1);
        assertThat(matcher.find()).as("and logged only once").isFalse();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(repository.findByUsername("admin")).hasValueSatisfying(account -> {
            assertThat(account.getPasswordHash()).as("not generated again").isEqualTo(hash);
            assertThat(passwordEncoder.matches(generated, account.getPasswordHash())).isTrue();
        });
        assertThat(repository.count()).isOne();
    }

    @Test
    void resetsThePasswordWhenTheConfiguredOneChanges() {
        // given
        accounts.ensureAdmin("admin", "first-password");
        flushAndClear();

        // when
        accounts.ensureAdmin("admin", "second-password");
        flushAndClear();

        // then
        assertThat(repository.findByUsername("admin")).hasValueSatisfying(account -> {
            assertThat(passwordEncoder.matches("second-password", account.getPasswordHash())).isTrue();
            assertThat(passwordEncoder.matches("first-password", account.getPasswordHash())).isFalse();
        });
    }

    @Test
    void keepsTheHashWhenTheConfiguredPasswordIsUnchanged() {
        // given
        accounts.ensureAdmin("admin", "same-password");
        flushAndClear();
        var hash = repository.findByUsername("admin").orElseThrow().getPasswordHash();

        // when
        accounts.ensureAdmin("admin", "same-password");
        flushAndClear();

        // then
        assertThat(repository.findByUsername("admin").orElseThrow().getPasswordHash()).isEqualTo(hash);
    }

    @Test
    void keepsTheGeneratedPasswordUntilOneIsConfigured(CapturedOutput output) {
        // given
        accounts.ensureAdmin("admin", null);
        flushAndClear();

        // when
        accounts.ensureAdmin("admin", "chosen-later");
        flushAndClear();

        // then
        assertThat(repository.findByUsername("admin")).hasValueSatisfying(account ->
                assertThat(passwordEncoder.matches("chosen-later", account.getPasswordHash())).isTrue());
        assertThat(output.getAll()).contains("set from EVENTBOT_ADMIN_PASSWORD").doesNotContain("chosen-later");
    }

    @Test
    void anAdministratorCreatesAccountsWithTheirRoleAndNothingDoubtful() {
        // when
        accounts.create(" olga ", "organiser-password-1", Role.ORGANISER);
        flushAndClear();

        // then
        assertThat(accounts.all()).singleElement().satisfies(account -> {
            assertThat(account.getUsername()).isEqualTo("olga");
            assertThat(account.getRole()).isEqualTo(Role.ORGANISER);
            assertThat(passwordEncoder.matches("organiser-password-1", account.getPasswordHash())).isTrue();
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("olga", "another-password-1",
                Role.ADMIN)).isInstanceOf(InvalidAccountException.class).hasMessageContaining("already");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("<script>", "password-long-1",
                Role.ORGANISER)).isInstanceOf(InvalidAccountException.class).hasMessageContaining("Latin letters");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("pavel", "short", Role.ORGANISER))
                .isInstanceOf(InvalidAccountException.class).hasMessageContaining("at least 10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("pavel", "я".repeat(37),
                Role.ORGANISER)).isInstanceOf(InvalidAccountException.class).hasMessageContaining("72 bytes");
        assertThat(repository.count()).isEqualTo(1);
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
