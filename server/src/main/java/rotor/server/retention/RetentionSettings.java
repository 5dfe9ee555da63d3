package rotor.server.retention;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** rotor.retention.*: what is kept how long, and how retention runs. */
@ConfigurationProperties("rotor.retention")
public class RetentionSettings {

    /** Whether every instance runs retention on a schedule (the admin operation works either way). */
    private boolean enabled = true;
    private Duration interval = Duration.ofMinutes(10);
    /** How long an ended grant (revoked or expired) is kept, with its tokens, for its history. */
    private Duration endedGrants = Duration.ofDays(7);
    /** How long a token is kept after its own expiry. */
    private Duration expiredTokens = Duration.ofHours(1);
    /** How long audit events are kept. */
    private Duration history = Duration.ofDays(90);
    private int batchSize = 1000;
    /** At most this many batches per kind per run: a run ends, and the next one goes on. */
    private int maxBatches = 100;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Duration getEndedGrants() {
        return endedGrants;
    }

    public void setEndedGrants(Duration endedGrants) {
        this.endedGrants = endedGrants;
    }

    public Duration getExpiredTokens() {
        return expiredTokens;
    }

    public void setExpiredTokens(Duration expiredTokens) {
        this.expiredTokens = expiredTokens;
    }

    public Duration getHistory() {
        return history;
    }

    public void setHistory(Duration history) {
        this.history = history;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxBatches() {
        return maxBatches;
    }

    public void setMaxBatches(int maxBatches) {
        this.maxBatches = maxBatches;
    }
}
