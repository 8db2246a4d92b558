package ru.eventbot.material;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.eventbot.participant.Language;

/**
 * Materials by e-mail: a participant gives an address once, confirms it with a one-time code sent to it, and from
 * then on a press sends the material there. Every e-mail is stored before it is sent ({@link MaterialMail}), so a
 * failed or interrupted send is not lost. Offered only when a mail server is configured.
 */
@Service
@Transactional
public class MaterialMailService {

    private static final int MAX_ADDRESS = 254;
    private static final Set<String> CANCEL = Set.of("отмена", "отменить", "cancel", "stop", "стоп");

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailAddressRepository addresses;
    private final MaterialMailRepository mails;
    private final MaterialService materials;
    private final MaterialMailProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AwaitedMailReplies awaited;
    private final SecureRandom random = new SecureRandom();

    MaterialMailService(ObjectProvider<JavaMailSender> mailSender, MailAddressRepository addresses,
                        MaterialMailRepository mails, MaterialService materials, MaterialMailProperties properties,
                        ApplicationEventPublisher publisher, Clock clock,
                        AwaitedMailReplies awaited) {
        this.awaited = awaited;
        this.mailSender = mailSender;
        this.addresses = addresses;
        this.mails = mails;
        this.materials = materials;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Whether e-mail is offered at all: only with a mail server configured ({@code spring.mail.host}). */
    @Transactional(readOnly = true)
    public boolean isAvailable() {
        return mailSender.getIfAvailable() != null;
    }

    /** The participant pressed "by e-mail" under a material. */
    public MailStep request(long telegramUserId, Language language, long materialId) {
        var material = materials.find(materialId);
        if (material.isEmpty()) {
            return new MailStep.MaterialGone();
        }
        var now = clock.instant();
        var address = addresses.findById(telegramUserId).orElseGet(() -> new MailAddress(telegramUserId, now));
        if (address.isConfirmed()) {
            address.cancel(now);
            addresses.save(address);
            queue(MaterialMail.material(telegramUserId, address.getAddress(), language, materialId, now));
            return new MailStep.Sending(mask(address.getAddress()), material.get().getTitle());
        }
        awaited.awaiting(telegramUserId);
        address.askAddress(materialId, now);
        addresses.saveAndFlush(address); // AwaitedMailReplies reads the table, also later in this transaction
        return new MailStep.AskAddress();
    }

    /** The participant's text while an address or a code is awaited. */
    public MailStep reply(long telegramUserId, Language language, String text) {
        awaited.awaiting(telegramUserId); // a reply may ask for the address again, or for a code
        var step = answer(telegramUserId, language, text);
        addresses.flush(); // see AwaitedMailReplies
        return step;
    }

    private MailStep answer(long telegramUserId, Language language, String text) {
        var now = clock.instant();
        var address = addresses.findById(telegramUserId).orElseThrow(() -> new IllegalStateException(
                "Participant " + telegramUserId + " has no e-mail conversation"));
        var answer = text == null ? "" : text.strip();
        if (CANCEL.contains(answer.toLowerCase(Locale.ROOT))) {
            address.cancel(now);
            return new MailStep.Cancelled();
        }
        if (address.getStep() == MailAddress.Step.ADDRESS) {
            var valid = validAddress(answer);
            if (valid == null) {
                return new MailStep.InvalidAddress();
            }
            var code = String.format("%06d", random.nextInt(1_000_000));
            address.awaitCode(valid, hash(telegramUserId, code), now.plus(properties.codeValidity()), now);
            queue(MaterialMail.code(telegramUserId, valid, language, code, now));
            return new MailStep.CodeSent(mask(valid));
        }
        if (address.codeExpired(now)) {
            address.askAddress(address.getPendingMaterialId() == null ? 0 : address.getPendingMaterialId(), now);
            return new MailStep.CodeRejected();
        }
        if (!MessageDigest.isEqual(hash(telegramUserId, answer.replaceAll("\\s", "")).getBytes(StandardCharsets.US_ASCII),
                address.getCodeHash().getBytes(StandardCharsets.US_ASCII))) {
            return address.wrongCode(now) ? new MailStep.WrongCode(MailAddress.MAX_ATTEMPTS - address.getAttempts())
                    : new MailStep.CodeRejected();
        }
        address.confirm(now);
        var pending = address.getPendingMaterialId() == null ? null : materials.find(address.getPendingMaterialId());
        if (pending == null || pending.isEmpty()) {
            return new MailStep.MaterialGone();
        }
        queue(MaterialMail.material(telegramUserId, address.getAddress(), language, pending.get().getId(), now));
        return new MailStep.Sending(mask(address.getAddress()), pending.get().getTitle());
    }

    private void queue(MaterialMail mail) {
        mails.save(mail);
        mails.flush();
        publisher.publishEvent(new MaterialMailQueued(mail.getId()));
    }

    /** The address as given, if it is one: one @, a domain with a dot, nothing Jakarta Mail refuses. */
    static String validAddress(String text) {
        if (text.isEmpty() || text.length() > MAX_ADDRESS || !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}")) {
            return null;
        }
        try {
            var address = new InternetAddress(text, true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            return null;
        }
    }

    static String mask(String address) {
        var at = address.indexOf('@');
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String hash(long telegramUserId, String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((telegramUserId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
