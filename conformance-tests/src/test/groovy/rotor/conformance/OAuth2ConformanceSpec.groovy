package rotor.conformance

/** oauth2 (openapi/oauth2.yaml): the tool's checks of it, against the target. */
class OAuth2ConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('oauth2')
    }
}
