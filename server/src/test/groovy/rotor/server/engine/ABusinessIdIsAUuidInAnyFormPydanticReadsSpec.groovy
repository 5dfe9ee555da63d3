package rotor.server.engine

import spock.lang.Specification

/**
 * dayzero's x-business-id is FastAPI's `UUID` header: pydantic v2 reads it with the uuid crate's
 * Uuid::parse_str, which takes the simple, hyphenated, braced and URN forms, in either case. Each
 * names the same business, spelled one way in the store.
 */
class ABusinessIdIsAUuidInAnyFormPydanticReadsSpec extends Specification {

    static final String CANONICAL = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'

    def "#form is that business id"() {
        expect:
        TenantForms.uuid(raw) == Optional.of(CANONICAL)

        where:
        form                   | raw
        'hyphenated'           | CANONICAL
        'upper case'           | CANONICAL.toUpperCase()
        'simple (32 hex)'      | CANONICAL.replace('-', '')
        'braced'               | "{${CANONICAL}}".toString()
        'URN'                  | "urn:uuid:${CANONICAL}".toString()
        'URN, upper-case hex'  | "urn:uuid:${CANONICAL.toUpperCase()}".toString()
    }

    def "#why is no business id"() {
        expect:
        TenantForms.uuid(raw) == Optional.empty()

        where:
        why                                  | raw
        'hyphens out of place'               | '3f2b8c1e7-a4d-4e5f-9b6a-2c1d0e9f8a7b'
        'Java\'s lenient short form'         | '1-1-1-1-1'
        'one hex digit short'                | CANONICAL.substring(1)
        'a URN prefix in upper case'         | "URN:UUID:${CANONICAL}".toString()
        'a URN around the simple form'       | "urn:uuid:${CANONICAL.replace('-', '')}".toString()
        'braces around the simple form'      | "{${CANONICAL.replace('-', '')}}".toString()
        'an unclosed brace'                  | "{${CANONICAL}".toString()
        'a non-hex digit'                    | CANONICAL.replace('f', 'g')
        'a sign Long.parseLong would take'   | '+f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
        'nothing'                            | ''
        'null'                               | null
    }
}
