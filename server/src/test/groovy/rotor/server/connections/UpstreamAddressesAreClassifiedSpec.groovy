package rotor.server.connections

import spock.lang.Specification

/** Where a token_url may point, decided without a server: the address classes and the URL policy on them. */
class UpstreamAddressesAreClassifiedSpec extends Specification {

    def "#address is #reach"() {
        expect:
        NetworkAddresses.classify(InetAddress.getByName(address)) == reach

        where:
        address                       | reach
        '169.254.169.254'             | NetworkAddresses.Reach.FORBIDDEN
        '169.254.0.1'                 | NetworkAddresses.Reach.FORBIDDEN
        'fe80::1'                     | NetworkAddresses.Reach.FORBIDDEN
        'febf::1'                     | NetworkAddresses.Reach.FORBIDDEN
        'fd00:ec2::254'               | NetworkAddresses.Reach.FORBIDDEN
        '100.100.100.200'             | NetworkAddresses.Reach.FORBIDDEN
        '::ffff:169.254.169.254'      | NetworkAddresses.Reach.FORBIDDEN
        '64:ff9b::a9fe:a9fe'          | NetworkAddresses.Reach.FORBIDDEN
        '2002:a9fe:a9fe::1'           | NetworkAddresses.Reach.FORBIDDEN
        '127.0.0.1'                   | NetworkAddresses.Reach.PRIVATE
        '127.45.6.7'                  | NetworkAddresses.Reach.PRIVATE
        '::1'                         | NetworkAddresses.Reach.PRIVATE
        '0.0.0.0'                     | NetworkAddresses.Reach.PRIVATE
        '::'                          | NetworkAddresses.Reach.PRIVATE
        '10.0.0.1'                    | NetworkAddresses.Reach.PRIVATE
        '10.255.255.255'              | NetworkAddresses.Reach.PRIVATE
        '172.16.0.1'                  | NetworkAddresses.Reach.PRIVATE
        '172.31.255.254'              | NetworkAddresses.Reach.PRIVATE
        '192.168.0.1'                 | NetworkAddresses.Reach.PRIVATE
        '100.64.0.1'                  | NetworkAddresses.Reach.PRIVATE
        '100.127.255.254'             | NetworkAddresses.Reach.PRIVATE
        'fc00::1'                     | NetworkAddresses.Reach.PRIVATE
        'fdff:ffff::1'                | NetworkAddresses.Reach.PRIVATE
        '224.0.0.1'                   | NetworkAddresses.Reach.PRIVATE
        'ff02::1'                     | NetworkAddresses.Reach.PRIVATE
        '255.255.255.255'             | NetworkAddresses.Reach.PRIVATE
        '64:ff9b:1::a00:1'            | NetworkAddresses.Reach.PRIVATE // local-use NAT64 (RFC 8215)
        '2001:0:4136:e378:8000:63bf:3fff:fdd2' | NetworkAddresses.Reach.PRIVATE // Teredo (RFC 4380)
        '2001:2::1'                   | NetworkAddresses.Reach.PRIVATE // benchmarking (RFC 5180)
        '2001:db8::1'                 | NetworkAddresses.Reach.PRIVATE // documentation (RFC 3849)
        '100::1'                      | NetworkAddresses.Reach.PRIVATE // discard-only (RFC 6666)
        '100:0:0:1::1'                | NetworkAddresses.Reach.PRIVATE // reserved, outside 2000::/3
        '5f00::1'                     | NetworkAddresses.Reach.PRIVATE // SRv6 SIDs (RFC 9602)
        '4000::1'                     | NetworkAddresses.Reach.PRIVATE // unassigned
        '3fff::1'                     | NetworkAddresses.Reach.PRIVATE // documentation (RFC 9637)
        '3fff:fff::1'                 | NetworkAddresses.Reach.PRIVATE
        '2001:10::1'                  | NetworkAddresses.Reach.PRIVATE // ORCHID (RFC 7343)
        '2001:20::1'                  | NetworkAddresses.Reach.PRIVATE // ORCHIDv2
        '::ffff:0:127.0.0.1'          | NetworkAddresses.Reach.PRIVATE // IPv4-translated (RFC 2765)
        '::ffff:0:169.254.169.254'    | NetworkAddresses.Reach.FORBIDDEN
        '192.0.2.1'                   | NetworkAddresses.Reach.PRIVATE // documentation (RFC 5737)
        '198.51.100.1'                | NetworkAddresses.Reach.PRIVATE
        '203.0.113.1'                 | NetworkAddresses.Reach.PRIVATE
        '192.88.99.1'                 | NetworkAddresses.Reach.PRIVATE // 6to4 relay anycast (RFC 7526)
        '192.0.3.1'                   | NetworkAddresses.Reach.PUBLIC
        '203.0.114.1'                 | NetworkAddresses.Reach.PUBLIC
        '3000::1'                     | NetworkAddresses.Reach.PUBLIC
        '2001:30::1'                  | NetworkAddresses.Reach.PUBLIC
        '3fff:1000::1'                | NetworkAddresses.Reach.PUBLIC
        '3ffe::1'                     | NetworkAddresses.Reach.PUBLIC
        '::ffff:10.0.0.1'             | NetworkAddresses.Reach.PRIVATE
        '64:ff9b::7f00:1'             | NetworkAddresses.Reach.PRIVATE
        '8.8.8.8'                     | NetworkAddresses.Reach.PUBLIC
        '172.15.255.255'              | NetworkAddresses.Reach.PUBLIC
        '172.32.0.1'                  | NetworkAddresses.Reach.PUBLIC
        '100.63.255.255'              | NetworkAddresses.Reach.PUBLIC
        '100.128.0.1'                 | NetworkAddresses.Reach.PUBLIC
        '169.253.255.255'             | NetworkAddresses.Reach.PUBLIC
        '192.169.0.1'                 | NetworkAddresses.Reach.PUBLIC
        '2001:4860:4860::8888'        | NetworkAddresses.Reach.PUBLIC
        '2001:db9::1'                 | NetworkAddresses.Reach.PUBLIC
        '2001:2:1::1'                 | NetworkAddresses.Reach.PUBLIC
        'fec0::1'                     | NetworkAddresses.Reach.PRIVATE
    }

    def "an IPv4-mapped #ipv4 that a resolver hands over as an IPv6 address is #reach, as the IPv4 address it reaches"() {
        given: 'InetAddress.getByName turns a mapped literal into an Inet4Address; a resolver may not'
        byte[] mapped = new byte[16]
        mapped[10] = (byte) 0xff
        mapped[11] = (byte) 0xff
        System.arraycopy(InetAddress.getByName(ipv4).address, 0, mapped, 12, 4)
        def address = Inet6Address.getByAddress(null, mapped, -1)

        expect:
        address instanceof Inet6Address
        NetworkAddresses.classify(address) == reach

        where:
        ipv4              | reach
        '169.254.169.254' | NetworkAddresses.Reach.FORBIDDEN
        '100.100.100.200' | NetworkAddresses.Reach.FORBIDDEN
        '10.0.0.1'        | NetworkAddresses.Reach.PRIVATE
        '127.0.0.1'       | NetworkAddresses.Reach.PRIVATE
        '93.184.215.14'   | NetworkAddresses.Reach.PUBLIC
    }

    def "with private networks #allowed, #url is #verdict at registration"() {
        given:
        def policy = new TokenUrlPolicy(allowPrivate, { host -> throw new AssertionError("registration resolved ${host}") } as TokenUrlPolicy.Resolver)

        expect:
        policy.refusal(URI.create(url)).isPresent() == (verdict == 'refused')

        where:
        url                                        | allowPrivate | verdict
        'https://auth.example.com/token'           | false        | 'accepted'
        'https://auth.example.com:8443/t?x=1'      | false        | 'accepted'
        'https://localhost/token'                  | false        | 'accepted'
        'http://auth.example.com/token'            | false        | 'refused'
        'http://auth.example.com/token'            | true         | 'accepted'
        'https://10.1.2.3/token'                   | false        | 'refused'
        'https://10.1.2.3/token'                   | true         | 'accepted'
        'https://169.254.169.254/token'            | true         | 'refused'
        'https://metadata.google.internal/x'       | true         | 'refused'
        'https://Metadata.Google.Internal./x'      | true         | 'refused'
        'ftp://auth.example.com/token'             | true         | 'refused'
        'https:/token'                             | true         | 'refused'
        '/token'                                   | true         | 'refused'
        'https://user:pw@auth.example.com/token'   | true         | 'refused'
        'https://auth.example.com/' + 'x' * 2048   | true         | 'refused'
        allowed = allowPrivate ? 'allowed' : 'refused'
    }

    def "at call time a host is refused when any address it resolves to is, with private networks #allowed"() {
        given:
        def policy = new TokenUrlPolicy(allowPrivate, { host -> resolved.collect { InetAddress.getByName(it) } as InetAddress[] } as TokenUrlPolicy.Resolver)

        expect:
        refusedToCall(policy, 'auth.example.com') == refused

        where:
        resolved                              | allowPrivate | refused
        ['93.184.215.14']                     | false        | false
        ['93.184.215.14', '127.0.0.1']        | false        | true
        ['10.0.0.7']                          | false        | true
        ['10.0.0.7']                          | true         | false
        ['169.254.169.254']                   | true         | true
        ['93.184.215.14', 'fd00:ec2::254']    | true         | true
        allowed = allowPrivate ? 'allowed' : 'refused'
    }

    def "at call time a host that does not resolve is refused, and so is the real localhost without private networks"() {
        given:
        def unresolvable = new TokenUrlPolicy(true, { host -> throw new UnknownHostException(host) } as TokenUrlPolicy.Resolver)

        expect:
        refusedToCall(unresolvable, 'auth.example.com')
        refusedToCall(new TokenUrlPolicy(false), 'localhost')
        !refusedToCall(new TokenUrlPolicy(true), 'localhost')
    }

    def "the addresses to call are exactly the ones judged, from one lookup"() {
        given:
        def lookups = 0
        def policy = new TokenUrlPolicy(false, { host -> lookups++; [InetAddress.getByName('93.184.215.14')] as InetAddress[] } as TokenUrlPolicy.Resolver)

        expect:
        policy.addressesToCall('auth.example.com')*.hostAddress == ['93.184.215.14']
        lookups == 1
    }

    private static boolean refusedToCall(TokenUrlPolicy policy, String host) {
        try {
            policy.addressesToCall(host)
            false
        } catch (TokenUrlPolicy.Refused refused) {
            true
        }
    }
}
