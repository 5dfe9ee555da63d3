package rotor.client.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to refresh a value that expires: {@code skew} before its expiry, plus a random part of
 * {@code jitter} so that a fleet of clients given tokens at the same moment does not come back in
 * lockstep. The lead never exceeds half the value's lifetime, so a short-lived token is still used
 * for a while instead of being refreshed on every call.
 */
public record RefreshSchedule(Duration skew, Duration jitter) {

    public static final RefreshSchedule DEFAULT = new RefreshSchedule(Duration.ofSeconds(30), Duration.ofSeconds(10));

    public RefreshSchedule {
        Objects.requireNonNull(skew, "skew");
        Objects.requireNonNull(jitter, "jitter");
        if (skew.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("skew and jitter must not be negative");
        }
    }

    /** The moment from which a value received at {@code receivedAt} and expiring at {@code expiresAt} is due. */
    public Instant refreshAt(Instant receivedAt, Instant expiresAt) {
        long jitterNanos = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
        Duration lead = skew.plusNanos(jitterNanos);
        Duration halfLife = Duration.between(receivedAt, expiresAt).dividedBy(2);
        if (lead.compareTo(halfLife) > 0) {
            lead = halfLife.isNegative() ? Duration.ZERO : halfLife;
        }
        return expiresAt.minus(lead);
    }
}
