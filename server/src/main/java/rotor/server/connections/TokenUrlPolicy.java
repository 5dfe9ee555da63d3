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
 * host resolves to, right before connecting.
 */
@Singleton
public class TokenUrlPolicy {

    /** Name resolution, replaceable so that the policy can be judged without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_LENGTH = 2048;
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
        if (url == null || url.getScheme() == null || url.getHost() == null || url.toString().length() > MAX_LENGTH) {
            return Optional.of("must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivateNetworks)) {
            return Optional.of(allowPrivateNetworks ? "must be an http or https URL" : "must be an https URL");
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
        if (IPV4_LITERAL.matcher(host).matches()) {
            return Optional.of("must name a host or a valid IP address");
        }
        return Optional.empty();
    }

    /**
     * Why the URL may not be called now: the registration rules again (the setting may have
     * changed since), then every address the host resolves to. Blocks on DNS.
     */
    public Optional<String> refusalOfResolved(URI url) {
        Optional<String> refused = refusal(url);
        if (refused.isPresent()) {
            return refused;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusedAddress = refusal(address);
            if (refusedAddress.isPresent()) {
                return refusedAddress;
            }
        }
        return addresses.length == 0 ? Optional.of("the host does not resolve") : Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        return switch (NetworkAddresses.classify(address)) {
            case FORBIDDEN -> Optional.of("must not point at a link-local or cloud metadata address");
            case PRIVATE -> allowPrivateNetworks ? Optional.empty()
                    : Optional.of("must not point at a loopback, private or otherwise non-public address");
            case PUBLIC -> Optional.empty();
        };
    }

    /** The address a host literally is, found without DNS: a bracketed IPv6 literal or dotted IPv4. */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !isDottedQuad(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host));
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
