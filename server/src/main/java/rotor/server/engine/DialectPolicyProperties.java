package rotor.server.engine;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.Duration;

/**
 * rotor.dialects.NAME.* overrides one dialect's policy; whatever is not set keeps the default
 * of {@link DialectPolicies}.
 */
@EachProperty("rotor.dialects")
public class DialectPolicyProperties {

    private final String name;
    private Duration accessTokenLifetime;
    private Duration refreshTokenLifetime;
    private Boolean rotation;
    private Duration gracePeriod;
    private Duration idleTimeout;
    private Integer graceReissues;
    private String audience;

    public DialectPolicyProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    public Boolean getRotation() {
        return rotation;
    }

    public void setRotation(Boolean rotation) {
        this.rotation = rotation;
    }

    public Duration getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Integer getGraceReissues() {
        return graceReissues;
    }

    public void setGraceReissues(Integer graceReissues) {
        this.graceReissues = graceReissues;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    DialectPolicy over(DialectPolicy defaults) {
        return new DialectPolicy(
                accessTokenLifetime != null ? accessTokenLifetime : defaults.accessTokenLifetime(),
                refreshTokenLifetime != null ? refreshTokenLifetime : defaults.refreshTokenLifetime(),
                rotation != null ? rotation : defaults.rotation(),
                gracePeriod != null ? gracePeriod : defaults.gracePeriod(),
                idleTimeout != null ? idleTimeout : defaults.idleTimeout(),
                graceReissues != null ? graceReissues : defaults.graceReissues(),
                audience != null && !audience.isBlank() ? audience : defaults.audience());
    }
}
