package ru.eventbot.material;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Time-limited, signed download links for files too large to attach: {@code /files/materials/42?expires=…&signature=…},
 * the signature an HMAC-SHA256 over the id and the expiry. Without a configured secret a random one is made at start,
 * and links then stop working at the next restart.
 */
@Component
public class MaterialLinks {

    private static final Logger log = LoggerFactory.getLogger(MaterialLinks.class);

    private final byte[] secret;
    private final MaterialMailProperties properties;
    private final Clock clock;

    MaterialLinks(MaterialMailProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.linkSecret() == null || properties.linkSecret().isBlank()) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("No eventbot.materials.mail.link-secret set: download links last until the next restart");
        } else {
            this.secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    String linkTo(long materialId) {
        var expires = clock.instant().plus(properties.linkValidity()).getEpochSecond();
        return properties.publicUrl().replaceAll("/+$", "") + "/files/materials/" + materialId + "?expires=" + expires
                + "&signature=" + sign(materialId, expires);
    }

    /** Whether a link's signature is ours and it has not expired. */
    public boolean isValid(long materialId, long expires, String signature) {
        if (signature == null || clock.instant().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(sign(materialId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long materialId, long expires) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var digest = mac.doFinal((materialId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
