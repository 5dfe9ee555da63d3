package rotor.server.connections;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a connection's token URL may point: rotor POSTs the connection's secrets there, so an
 * administrator's URL must not reach this host's neighbours or its cloud's metadata service
 * (SSRF). Link-local and metadata addresses are refused always; loopback, private networks and
 * plain http only with rotor.connections.allow-private-networks (a lab, a test, a sidecar).
 * Registration judges what the URL shows without asking DNS; the call judges every address the
 * host resolves to, and connects to those addresses only ({@link #addressesToCall}).
 */
@Singleton
public class TokenUrlPolicy {

    /** Name resolution, replaceable so that the policy can be judged without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a host may not be called; an UnknownHostException, so that an HTTP client's resolver can throw it. */
    public static final class Refused extends UnknownHostException {
        Refused(String reason) {
            super(reason);
        }
    }

    static final int MAX_LENGTH = 2048;
    private static final int MAX_PORT = 65535; // java.net.URI takes any digits, a socket address does not
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    @Inject
    public TokenUrlPolicy(@Value("${rotor.connections.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this(allowPrivateNetworks, InetAddress::getAllByName);
    }

    public TokenUrlPolicy(boolean allowPrivateNetworks, Resolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /** Why the URL may not be registered, judged from the URL alone; empty when it may. */
    public Optional<String> refusal(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null || url.getPort() > MAX_PORT
                || url.toString().length() > MAX_LENGTH) {
            return Optional.of("must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivateNetworks)) {
            return Optional.of(allowPrivateNetworks ? "must be an http or https URL" : "must be an https URL");
        }
        if (url.getRawFragment() != null) {
            // RFC 6749 section 3.2: "The endpoint URI MUST NOT include a fragment component."
            return Optional.of("must not carry a fragment (RFC 6749 section 3.2)");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials in the URL");
        }
        String host = url.getHost();
        if (NetworkAddresses.isMetadataHost(host)) {
            return Optional.of("must not point at a cloud metadata service");
        }
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            return refusal(literal.get());
        }
        if (IPV4_LITERAL.matcher(host).matches() || host.startsWith("[")) {
            return Optional.of("must name a host or a valid IP address");
        }
        return Optional.empty();
    }

    /**
     * The addresses the host resolves to, when every one of them may be called: the only addresses
     * to connect to, so that no later lookup can answer differently (DNS rebinding). Blocks on DNS.
     * The URL's own rules ({@link #refusal(URI)}) are judged before.
     */
    public InetAddress[] addressesToCall(String host) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                throw new Refused(refused.get());
            }
        }
        return addresses.clone();
    }

    private Optional<String> refusal(InetAddress address) {
        return switch (NetworkAddresses.classify(address)) {
            case FORBIDDEN -> Optional.of("must not point at a link-local or cloud metadata address");
            case PRIVATE -> allowPrivateNetworks ? Optional.empty()
                    : Optional.of("must not point at a loopback, private or otherwise non-public address");
            case PUBLIC -> Optional.empty();
        };
    }

    /**
     * The address a host literally is, found without DNS: a bracketed IPv6 literal or dotted IPv4.
     * An IPv6 literal may name a zone (RFC 6874: [fe80::1%25eth0]); the address before it is what
     * is judged, since a zone only picks the interface the same address is reached through.
     */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !isDottedQuad(host)) {
            return Optional.empty();
        }
        String address = ipv6 ? host.substring(1, host.length() - 1) : host;
        int zone = address.indexOf('%');
        if (ipv6 && zone >= 0) {
            address = address.substring(0, zone);
        }
        if (ipv6 && !address.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException | IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
