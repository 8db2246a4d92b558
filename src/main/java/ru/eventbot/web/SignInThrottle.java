package ru.eventbot.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing passwords on the dashboard's sign-in: each wrong password takes a token from the user name's
 * bucket and from the client address's; once either is empty, sign-ins for it are refused unchecked until a token
 * has refilled (one every {@code signInWindow / failedSignIns}). A right password empties nothing and refills the
 * name's bucket.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** Buckets kept at most; beyond it the full ones (nobody is being slowed down there) are dropped. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> byName = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Function<String, Bucket> nameBucket;
    private final Function<String, Bucket> addressBucket;
    private final DashboardProperties properties;

    SignInThrottle(DashboardProperties properties) {
        this.properties = properties;
        nameBucket = key -> bucket(properties.failedSignIns());
        addressBucket = key -> bucket(properties.failedSignInsPerAddress());
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, properties.signInWindow()).build()).build();
    }

    /** How long this name or address must wait before its next try; zero when it may try now. */
    Duration waitBeforeTrying(String username, String address) {
        var name = wait(byName.get(key(username)));
        var client = wait(byAddress.get(address));
        return name.compareTo(client) >= 0 ? name : client;
    }

    private static Duration wait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    void failed(String username, String address) {
        forget(byName);
        forget(byAddress);
        byName.computeIfAbsent(key(username), nameBucket).tryConsume(1);
        byAddress.computeIfAbsent(address, addressBucket).tryConsume(1);
        log.info("Failed dashboard sign-in from {}", address);
    }

    void succeeded(String username) {
        byName.remove(key(username));
    }

    private void forget(Map<String, Bucket> buckets) {
        if (buckets.size() >= MAX_TRACKED) {
            var capacity = buckets == byName ? properties.failedSignIns() : properties.failedSignInsPerAddress();
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
