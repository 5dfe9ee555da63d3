package rotor.server;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The issuer identifier (RFC 8414 section 2): the iss of every access token, and the URL every
 * endpoint in the metadata lies under. Configured (rotor.issuer) as the public URL a deployment is
 * reached at, and used exactly as configured: a resource server compares iss as a string. Without
 * it, this server's own address on the port it listens on (a random port, -1, included), so that
 * a local server on another port still describes itself; instances behind one address must then
 * be configured with that address.
 */
@Context // built at start, so that a refused rotor.issuer stops the start, not every later request
public class Issuer {

    private final String configured;
    private final BeanProvider<EmbeddedServer> server;
    private final int configuredPort;
    private volatile String local;

    public Issuer(@Value("${rotor.issuer:}") @Nullable String configured, BeanProvider<EmbeddedServer> server,
                  @Value("${micronaut.server.port:8080}") int configuredPort) {
        this.configured = configured == null || configured.isBlank() ? null : valid(configured.strip());
        this.server = server;
        this.configuredPort = configuredPort;
    }

    public String url() {
        return configured != null ? configured : local();
    }

    /** The URL of one of this server's paths, under the issuer (without a doubled slash). */
    public String resolve(String path) {
        String base = url();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * RFC 8414 section 2: the issuer is a URL "that uses the "https" scheme and has no query or
     * fragment components"; plain http is allowed for a local or lab server. Anything else is
     * refused at start, where a typo is cheapest to find.
     */
    private static String valid(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException notAUri) {
            throw new IllegalStateException("rotor.issuer must be an absolute http(s) URL: " + withoutPassword(issuer), notAUri);
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("rotor.issuer must be an absolute http(s) URL with a host and without user info, query or "
                    + "fragment (RFC 8414 section 2): " + withoutPassword(issuer));
        }
        return issuer;
    }

    /** The value as an error may show it: a password in its user info (https://user:secret@host) is no log line's business. */
    private static String withoutPassword(String issuer) {
        return issuer.replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    /** Asked at the first use, once the server listens: only then is a random port known. */
    private String local() {
        String url = local;
        if (url == null) {
            EmbeddedServer running = server.isPresent() ? server.get() : null;
            int port = running != null && running.isRunning() ? running.getPort() : configuredPort;
            url = "http://localhost:" + port;
            if (running != null && running.isRunning()) {
                local = url;
            }
        }
        return url;
    }
}
