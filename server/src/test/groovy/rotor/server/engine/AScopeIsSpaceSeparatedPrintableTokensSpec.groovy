package rotor.server.engine

import spock.lang.Specification

/**
 * RFC 6749 section 3.3: scope = scope-token *( SP scope-token ), scope-token = 1*( %x21 /
 * %x23-5B / %x5D-7E ). A requested scope whose tokens hold anything else is not allowed
 * (invalid_scope), however close to a granted one it is once trimmed.
 */
class AScopeIsSpaceSeparatedPrintableTokensSpec extends Specification {

    def "asking for #requested of 'read write' is #allowed"() {
        expect:
        Scopes.allows('read write', requested) == allowed

        where:
        requested        | allowed
        null             | true
        ''               | true
        '   '            | true
        'read'           | true
        ' read  write '  | true
        'read\u0000'     | false
        '\u0000read'     | false
        'read\twrite'    | false
        '\tread'         | false
        '\t'             | false
        'read\nwrite'    | false
        'read\u00a0'     | false
        'r"ead'          | false
        'admin'          | false
    }

    def "the narrowed scope is the requested tokens once each, or the grant's when nothing was asked"() {
        expect:
        Scopes.narrowed('read write', ' write  write ') == 'write'
        Scopes.narrowed('read write', '  ') == 'read write'
    }
}
