package rotor.client.session;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import rotor.client.jdk.partner.AuthApi;
import rotor.client.jdk.partner.invoker.ApiClient;
import rotor.client.session.dialect.PartnerRefresher;
import rotor.client.session.store.FileRefreshTokenStore;
import rotor.client.session.store.RefreshTokenStore;

/**
 * A client process for KilledClientResumesItsChainSpec: one partner session over a file store.
 * {@code crash-after-save} announces {@code SAVED} on stdout as soon as a new refresh token is
 * stored and then hangs, waiting to be killed; {@code refresh} refreshes once and prints {@code REFRESHED}.
 *
 * <p>Arguments: base URL, partner id, store file, mode.
 */
public final class ChainClient {

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int partnerId = Integer.parseInt(args[1]);
        FileRefreshTokenStore file = new FileRefreshTokenStore(Path.of(args[2]));
        boolean crash = args[3].equals("crash-after-save");

        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setReadTimeout(java.time.Duration.ofSeconds(10));
        RefreshTokenStore store = crash ? new HangingAfterSave(file) : file;
        TokenSession session = TokenSession.builder(new PartnerRefresher(new AuthApi(client), partnerId), store).build();
        session.accessToken();
        System.out.println("REFRESHED");
    }

    /** The store's test hook: the new token is durable, the access token not yet handed out, then the process dies. */
    private record HangingAfterSave(RefreshTokenStore delegate) implements RefreshTokenStore {

        @Override
        public Optional<String> load() {
            return delegate.load();
        }

        @Override
        public void save(String refreshToken) {
            delegate.save(refreshToken);
            System.out.println("SAVED");
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void clear() {
            delegate.clear();
        }
    }
}
