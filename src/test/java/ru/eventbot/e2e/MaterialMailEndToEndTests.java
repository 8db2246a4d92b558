package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** With a mail server configured (GreenMail, a real SMTP server), participants can get materials by e-mail. */
class MaterialMailEndToEndTests {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/files/materials/\\S+)");

    static GreenMail mail;
    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startMailTelegramAndTheBot() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.getSmtp().getPort()),
                "eventbot.materials.mail.from", "bot@eventbot.test",
                "eventbot.materials.mail.attachment-limit", "1KB",
                "eventbot.materials.mail.link-secret", "a-secret-for-tests"));
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
        if (mail != null) mail.stop();
    }

    @AfterEach
    void everyCallTheBotMadeFollowedTheBotApiSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void aMaterialGoesByEmailAsAnAttachmentOnceTheAddressIsConfirmedWithACode() throws Exception {
        // given
        var slides = pdf("Слайды Таисии", 200);
        publish(createEvent("Мастер-класс МФЦ"), "Как работают люди в МФЦ", "Таисия Петрова", "Люди МФЦ.pdf", slides);
        var alexander = startedParticipant("Александр", "Духанин");
        alexander.sends("Пришлите, пожалуйста, презентацию Таисии");
        var document = alexander.awaitMessage(SOON);
        // when
        document.pressButton("✉️");
        var askedForAddress = alexander.awaitMessage(SOON).text();
        alexander.sends("мой адрес — на визитке");
        var notAnAddress = alexander.awaitMessage(SOON).text();
        alexander.sends("alexander.dukhanin@example.org");
        var codeSent = alexander.awaitMessage(SOON).text();
        var code = codeFrom(awaitMailTo("alexander.dukhanin@example.org", 1));
        alexander.sends(code.equals("000000") ? "111111" : "000000");
        var wrongCode = alexander.awaitMessage(SOON).text();
        alexander.sends(code);
        var sending = alexander.awaitMessage(SOON).text();
        var letter = awaitMailTo("alexander.dukhanin@example.org", 2);
        // then
        assertThat(document.buttonLabels()).containsExactly("✉️ На e-mail");
        assertThat(askedForAddress).contains("адрес электронной почты");
        assertThat(notAnAddress).contains("не похоже на адрес");
        assertThat(codeSent).contains("a***@example.org");
        assertThat(wrongCode).contains("Код не подошёл").contains("4");
        assertThat(sending).contains("Отправляю «Как работают люди в МФЦ» на a***@example.org");
        assertThat(letter.getSubject()).contains("Как работают люди в МФЦ");
        var attachment = attachmentOf(letter);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Люди МФЦ.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(slides);
    }

    @Test
    void aLargeFileGoesAsASignedLinkThatWorksUntilSomeoneAltersIt() {
        // given
        var recording = pdf("Запись круглого стола", 4000);
        publish(createEvent("Круглый стол"), "Обратная связь от заявителей", "Светлана Зайцева", "zapis.pdf",
                recording);
        var olga = startedParticipant("Ольга", "Иванова");
        confirmAddress(olga, "olga@example.org");
        olga.sends("слайды Зайцевой");
        // when
        olga.awaitMessage(SOON).pressButton("✉️");
        var sending = olga.awaitMessage(SOON).text();
        var letter = awaitMailTo("olga@example.org", 3); // after the code and the leaflet
        // then
        assertThat(sending).contains("Отправляю «Обратная связь от заявителей» на o***@example.org");
        var matcher = LINK.matcher(textOf(letter));
        assertThat(matcher.find()).as(textOf(letter)).isTrue();
        var link = URI.create(matcher.group(1));
        var path = link.getRawPath() + "?" + link.getRawQuery();
        var download = bot.send(java.net.http.HttpRequest.newBuilder(bot.url(path)).GET());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(recording);
        var altered = bot.send(java.net.http.HttpRequest.newBuilder(bot.url(path.replaceFirst("expires=\\d", "expires=9")))
                .GET());
        assertThat(altered.status()).isEqualTo(403);
        assertThat(altered.contentType()).startsWith("application/problem+json");
    }

    private static void confirmAddress(FakeUser user, String address) {
        var before = mail.getReceivedMessagesForDomain(address).length;
        publish(createEvent("Знакомство"), "Памятка участника " + user.id(), "Организаторы", "pamyatka.pdf",
                pdf("памятка", 100));
        user.sends("Пришлите слайды «Памятка участника " + user.id() + "»");
        user.awaitMessage(SOON).pressButton("✉️");
        user.awaitMessage(SOON);
        user.sends(address);
        user.awaitMessage(SOON);
        user.sends(codeFrom(awaitMailTo(address, before + 1)));
        assertThat(user.awaitMessage(SOON).text()).contains("Отправляю");
    }

    private static MimeMessage awaitMailTo(String address, int count) {
        var deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            var received = mail.getReceivedMessagesForDomain(address);
            if (received.length >= count) {
                return received[count - 1];
            }
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no e-mail number " + count + " to " + address + "; all: "
                + Arrays.toString(mail.getReceivedMessages()));
    }

    private static String codeFrom(Message message) {
        var text = textOf(message);
        var matcher = CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    /** The plain text of an e-mail, wherever it sits among its parts. */
    private static String textOf(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart multipart) {
                var text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(textOf(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Part attachmentOf(Part message) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
            return message;
        }
        if (message.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                try {
                    return attachmentOf(multipart.getBodyPart(i));
                } catch (AssertionError notHere) {
                    // look further
                }
            }
        }
        throw new AssertionError("no attachment");
    }

    private static FakeUser startedParticipant(String firstName, String lastName) {
        var user = telegram.user(firstName, lastName);
        user.sends("/start");
        user.awaitMessages(2);
        return user;
    }

    private static long createEvent(String title) {
        var start = OffsetDateTime.now(ZoneOffset.ofHours(3)).plusDays(10).withNano(0);
        var response = bot.post("/api/v1/events", EventEndToEndTests.eventJson(title, start.toString(),
                start.plusHours(2).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static void publish(long event, String title, String speaker, String fileName, byte[] content) {
        var response = bot.postMultipart("/api/v1/events/" + event + "/materials",
                Map.of("title", title, "speaker", speaker), fileName, content);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static byte[] pdf(String text, int size) {
        var bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        var head = ("%PDF-1.4\n% " + text + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

}
