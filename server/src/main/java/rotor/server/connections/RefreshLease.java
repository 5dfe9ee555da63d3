package rotor.server.connections;

import jakarta.inject.Singleton;
import rotor.server.store.ConnectionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A claim on one connection's refresh, shared by every instance through its row: one short
 * conditional UPDATE takes it, so no transaction stays open across the upstream call. It outlives
 * the longest upstream call by a margin for storing the answer; a holder that died loses it then.
 */
@Singleton
public class RefreshLease {

    private static final Duration STORE_MARGIN = Duration.ofSeconds(30);

    private final ConnectionRepository repository;
    private final Clock clock;
    private final Duration length;

    public RefreshLease(ConnectionRepository repository, Clock clock, UpstreamTokenEndpoint upstream) {
        this.repository = repository;
        this.clock = clock;
        this.length = upstream.callTimeout().plus(STORE_MARGIN);
    }

    /** The owner token of a claim just taken; empty while another live claim holds the connection. */
    public Optional<String> claim(String connectionId) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return repository.claimLease(connectionId, owner, now, now.plus(length)) == 1 ? Optional.of(owner) : Optional.empty();
    }

    public void release(String connectionId, String owner) {
        repository.releaseLease(connectionId, owner);
    }
}
