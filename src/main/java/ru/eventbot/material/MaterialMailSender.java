package ru.eventbot.material;

import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a stored e-mail after its transaction commits: a confirmation code, or a material (attached up to the
 * configured size, as a signed download link above it). A failure is recorded on the mail and thrown, so the event
 * publication registry keeps it and it is sent again at the next start: a failed e-mail loses no request.
 */
@Component
class MaterialMailSender {

    private static final Logger log = LoggerFactory.getLogger(MaterialMailSender.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MaterialMailRepository mails;
    private final MaterialService materials;
    private final MaterialLinks links;
    private final MaterialCaptions captions;
    private final MaterialMailProperties properties;
    private final MessageSource messages;
    /** Records a failure in a transaction of its own: the listener's own is rolled back by the throw. */
    private final TransactionTemplate failures;
    private final Clock clock;

    MaterialMailSender(ObjectProvider<JavaMailSender> mailSender, MaterialMailRepository mails,
                       MaterialService materials, MaterialLinks links, MaterialCaptions captions,
                       MaterialMailProperties properties, MessageSource messages,
                       PlatformTransactionManager transactions, Clock clock) {
        this.mailSender = mailSender;
        this.mails = mails;
        this.materials = materials;
        this.links = links;
        this.captions = captions;
        this.properties = properties;
        this.messages = messages;
        this.failures = new TransactionTemplate(transactions);
        this.failures.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MaterialMailQueued queued) {
        var mail = mails.findById(queued.mailId()).orElse(null);
        if (mail == null || mail.getStatus() == MaterialMail.Status.SENT) {
            return;
        }
        var sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("E-mail {} not sent: no mail server is configured (spring.mail.host)", mail.getId());
            return;
        }
        try {
            var message = sender.createMimeMessage();
            compose(new MimeMessageHelper(message, true, "UTF-8"), mail);
            sender.send(message);
            mail.sent(clock.instant());
            log.info("E-mail {} ({}) sent", mail.getId(), mail.getKind());
        } catch (MessagingException | MailException | java.io.IOException e) {
            failures.executeWithoutResult(status -> mails.findById(queued.mailId())
                    .ifPresent(failed -> failed.failed(e.getMessage())));
            log.warn("E-mail {} not sent: {}; it is tried again at the next start", mail.getId(), e.getMessage());
            throw new IllegalStateException("E-mail " + mail.getId() + " not sent", e);
        }
        mails.save(mail);
    }

    private void compose(MimeMessageHelper message, MaterialMail mail) throws MessagingException, java.io.IOException {
        var locale = mail.getLanguage().locale();
        message.setFrom(properties.from());
        message.setTo(mail.getAddress());
        if (mail.getKind() == MaterialMail.Kind.CODE) {
            message.setSubject(messages.getMessage("mail.code.subject", null, locale));
            message.setText(messages.getMessage("mail.code.text", new Object[] {mail.getCode()}, locale));
            return;
        }
        var material = materials.find(mail.getMaterialId())
                .orElseThrow(() -> new MaterialNotFoundException(mail.getMaterialId()));
        var document = materials.document(material.getId()).orElseThrow();
        message.setSubject(messages.getMessage("mail.material.subject", new Object[] {material.getTitle()}, locale));
        var about = captions.caption(material, mail.getLanguage());
        if (material.getSize() <= properties.attachmentLimit().toBytes() && Files.isReadable(document.path())) {
            message.setText(messages.getMessage("mail.material.attached", new Object[] {about}, locale));
            message.addAttachment(material.getFileName(), new FileSystemResource(document.path()),
                    material.getContentType());
        } else {
            message.setText(messages.getMessage("mail.material.link", new Object[] {about,
                    links.linkTo(material.getId()), properties.linkValidity().toDays()}, locale));
        }
    }
}
