package ru.eventbot.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import ru.eventbot.participant.Language;

class MaterialMailSenderTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

    @Test
    @SuppressWarnings("unchecked")
    void aMailTheServerRefusesStaysPendingWithItsErrorAndIsKeptForTheNextStart() {
        // given
        var mail = MaterialMail.code(42, "olga@example.org", Language.RU, "123456", CLOCK.instant());
        var mails = mock(MaterialMailRepository.class);
        given(mails.findById(7L)).willReturn(Optional.of(mail));
        var server = mock(JavaMailSender.class);
        given(server.createMimeMessage()).willReturn(new MimeMessage(Session.getInstance(new Properties())));
        willThrow(new MailSendException("connection refused")).given(server).send(any(MimeMessage.class));
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        given(provider.getIfAvailable()).willReturn(server);
        var transactions = mock(PlatformTransactionManager.class);
        given(transactions.getTransaction(any())).willReturn(new SimpleTransactionStatus());
        var messages = new StaticMessageSource();
        messages.addMessage("mail.code.subject", Language.RU.locale(), "Код");
        messages.addMessage("mail.code.text", Language.RU.locale(), "Код: {0}");
        var properties = new MaterialMailProperties("bot@example.org", null, "http://localhost", null, "s", null);
        var sender = new MaterialMailSender(provider, mails, null, null, null, properties, messages, transactions,
                CLOCK);
        // when / then
        assertThatThrownBy(() -> sender.on(new MaterialMailQueued(7))).isInstanceOf(IllegalStateException.class);
        assertThat(mail.getStatus()).isEqualTo(MaterialMail.Status.PENDING);
        assertThat(mail.getAttempts()).isEqualTo(1);
        assertThat(mail.getError()).contains("connection refused");
        assertThat(mail.getCode()).isEqualTo("123456");
    }

    @Test
    void addressesAreCheckedAndShownMasked() {
        assertThat(MaterialMailService.validAddress("olga@example.org")).isEqualTo("olga@example.org");
        assertThat(MaterialMailService.validAddress("olga@example")).isNull();
        assertThat(MaterialMailService.validAddress("мой адрес — на визитке")).isNull();
        assertThat(MaterialMailService.validAddress("a@b@example.org")).isNull();
        assertThat(MaterialMailService.validAddress("x".repeat(250) + "@example.org")).isNull();
        assertThat(MaterialMailService.mask("olga@example.org")).isEqualTo("o***@example.org");
    }

    @Test
    void aDownloadLinkIsValidOnlyUnalteredAndUntilItExpires() {
        // given
        var properties = new MaterialMailProperties("bot@example.org", null, "http://bot.example.org/",
                java.time.Duration.ofDays(7), "secret", null);
        var links = new MaterialLinks(properties, CLOCK);
        var link = java.net.URI.create(links.linkTo(5));
        var query = link.getQuery();
        var expires = Long.parseLong(query.replaceAll(".*expires=(\\d+).*", "$1"));
        var signature = query.replaceAll(".*signature=([^&]+).*", "$1");
        // when / then
        assertThat(link.getPath()).isEqualTo("/files/materials/5");
        assertThat(links.isValid(5, expires, signature)).isTrue();
        assertThat(links.isValid(6, expires, signature)).isFalse();
        assertThat(links.isValid(5, expires + 1, signature)).isFalse();
        assertThat(links.isValid(5, expires, signature + "x")).isFalse();
        assertThat(new MaterialLinks(properties, Clock.offset(CLOCK, java.time.Duration.ofDays(8)))
                .isValid(5, expires, signature)).isFalse();
    }
}
