package rotor.server.store;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bounds every statement and every lock wait on every pooled connection, so that no request can
 * hang on the store: a stuck query or a lock held by a dead peer ends in an error that the engine
 * answers as the dialect's 500, never in a request that waits forever. Set as the pool's
 * connection-init SQL, in the database's own words.
 */
@Singleton
public class StatementTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration statementTimeout;
    private final Duration lockTimeout;

    public StatementTimeouts(@Value("${rotor.store.statement-timeout:10s}") Duration statementTimeout,
                             @Value("${rotor.store.lock-timeout:5s}") Duration lockTimeout) {
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (configuration.getConnectionInitSql() == null) {
            configuration.setConnectionInitSql(initSql(configuration.getJdbcUrl()));
        }
        return configuration;
    }

    /** The SET statements for the database behind the URL; null for one rotor does not know. */
    String initSql(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "SET statement_timeout = " + statementTimeout.toMillis() + "; SET lock_timeout = " + lockTimeout.toMillis();
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "SET QUERY_TIMEOUT " + statementTimeout.toMillis() + "; SET LOCK_TIMEOUT " + lockTimeout.toMillis();
        }
        return null;
    }
}
