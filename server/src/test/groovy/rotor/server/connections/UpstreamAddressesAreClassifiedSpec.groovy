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
        'fec0::1'                     | NetworkAddresses.Reach.PRIVATE
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
        policy.refusalOfResolved(URI.create('https://auth.example.com/token')).isPresent() == refused

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
        unresolvable.refusalOfResolved(URI.create('https://auth.example.com/token')).isPresent()
        new TokenUrlPolicy(false).refusalOfResolved(URI.create('https://localhost/token')).isPresent()
        !new TokenUrlPolicy(true).refusalOfResolved(URI.create('https://localhost/token')).isPresent()
    }
}
