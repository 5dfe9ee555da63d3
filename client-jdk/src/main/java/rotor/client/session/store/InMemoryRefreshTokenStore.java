package rotor.client.session.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the refresh token only as long as the process lives: for tests and short-lived tools. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final AtomicReference<String> token = new AtomicReference<>();

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(token.get());
    }

    @Override
    public void save(String refreshToken) {
        token.set(refreshToken);
    }

    @Override
    public void clear() {
        token.set(null);
    }
}
