package rotor.server.connections;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where an address leads, for the token URLs rotor POSTs secrets to. FORBIDDEN: link-local and
 * the cloud providers' instance-metadata services, which hand out the host's own credentials;
 * never a token endpoint. PRIVATE: this host and networks that are not the Internet's.
 */
public final class NetworkAddresses {

    public enum Reach { PUBLIC, PRIVATE, FORBIDDEN }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

    private static final byte[] AWS_METADATA_V6 = parse("fd00:ec2::254");
    private static final byte[] ALIBABA_METADATA = parse("100.100.100.200");

    private NetworkAddresses() {
    }

    /** A host name that names a metadata service, whatever it resolves to. */
    public static boolean isMetadataHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return METADATA_HOSTS.contains(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }

    public static Reach classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            return embedded != null ? classifyIpv4(embedded) : classifyIpv6(address, bytes);
        }
        return classifyIpv4(bytes);
    }

    private static Reach classifyIpv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if ((first == 169 && second == 254) || Arrays.equals(a, ALIBABA_METADATA)) {
            return Reach.FORBIDDEN;
        }
        boolean isPrivate = first == 0 // "this network", 0.0.0.0 included
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, RFC 6598
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments, RFC 6890
                || (first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
                || (first == 192 && second == 0 && (a[2] & 0xff) == 2) // documentation, RFC 5737
                || (first == 198 && second == 51 && (a[2] & 0xff) == 100)
                || (first == 203 && second == 0 && (a[2] & 0xff) == 113)
                || (first == 192 && second == 88 && (a[2] & 0xff) == 99) // 6to4 relay anycast, withdrawn by RFC 7526
                || first >= 224; // multicast, reserved, broadcast
        return isPrivate ? Reach.PRIVATE : Reach.PUBLIC;
    }

    private static Reach classifyIpv6(InetAddress address, byte[] a) {
        if (address.isLinkLocalAddress() || Arrays.equals(a, AWS_METADATA_V6)) {
            return Reach.FORBIDDEN;
        }
        boolean uniqueLocal = (a[0] & 0xfe) == 0xfc; // fc00::/7
        // Only 2000::/3 is global unicast (RFC 4291 section 2.4); the rest is reserved or local
        // (5f00::/16 for SRv6, RFC 9602, among them), or handled above and below.
        boolean outsideGlobalUnicast = (a[0] & 0xe0) != 0x20;
        if (uniqueLocal || outsideGlobalUnicast || translatedOrUnroutable(a) || address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Reach.PRIVATE;
        }
        return Reach.PUBLIC;
    }

    /**
     * Prefixes whose destination the local network decides, or that lead nowhere public:
     * local-use NAT64 (64:ff9b:1::/48, RFC 8215, translated to whatever IPv4 the operator maps,
     * private networks included), Teredo (2001::/32, RFC 4380, a tunnel to an IPv4 host),
     * benchmarking (2001:2::/48, RFC 5180), ORCHID (2001:10::/28 and 2001:20::/28, RFC 7343),
     * and documentation (2001:db8::/32, RFC 3849, and 3fff::/20, RFC 9637).
     */
    private static boolean translatedOrUnroutable(byte[] a) {
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        int w2 = ((a[4] & 0xff) << 8) | (a[5] & 0xff);
        boolean localNat64 = w0 == 0x0064 && w1 == 0xff9b && w2 == 0x0001;
        boolean teredo = w0 == 0x2001 && w1 == 0x0000;
        boolean benchmarking = w0 == 0x2001 && w1 == 0x0002 && w2 == 0x0000;
        boolean orchid = w0 == 0x2001 && ((w1 & 0xfff0) == 0x0010 || (w1 & 0xfff0) == 0x0020);
        boolean documentation = w0 == 0x2001 && w1 == 0x0db8 || w0 == 0x3fff && (w1 & 0xf000) == 0;
        return localNat64 || teredo || benchmarking || orchid || documentation;
    }

    /**
     * The IPv4 address an IPv6 one carries and is routed to: IPv4-mapped (::ffff:0:0/96, which a
     * dual-stack socket connects to as IPv4; InetAddress.getByName makes an Inet4Address of such a
     * literal, but a resolver may hand it over as an Inet6Address), IPv4-translated
     * (::ffff:0:0:0/96, RFC 2765), IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
     */
    private static byte[] embeddedIpv4(byte[] a) {
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);
        }
        boolean mapped = allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean translated = allZero(a, 0, 8) && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && allZero(a, 10, 12);
        boolean compatible = allZero(a, 0, 12) && !allZero(a, 12, 15); // not :: nor ::1
        boolean nat64 = (a[0] & 0xff) == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && allZero(a, 4, 12);
        return mapped || translated || compatible || nat64 ? Arrays.copyOfRange(a, 12, 16) : null;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] parse(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
