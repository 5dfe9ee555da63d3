package rotor.server.discovery;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The issuer identifier (RFC 8414 section 2): the iss of every access token, and the URL every
 * endpoint in the metadata lies under. Configured (rotor.issuer) as the public URL a deployment is
 * reached at; without it, this server's own address on its port, so that a local server on another
 * port still describes itself.
 */
@Singleton
public class Issuer {

    private final String url;

    public Issuer(@Value("${rotor.issuer:}") @Nullable String configured, @Value("${micronaut.server.port:8080}") int port) {
        String url = configured == null || configured.isBlank() ? "http://localhost:" + port : configured.strip();
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String url() {
        return url;
    }

    /** The URL of one of this server's paths, under the issuer. */
    public String resolve(String path) {
        return url + path;
    }
}
