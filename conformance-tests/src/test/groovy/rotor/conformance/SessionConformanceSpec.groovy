package rotor.conformance

/** session (openapi/session.yaml): the tool's checks of it, against the target. */
class SessionConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('session')
    }
}
