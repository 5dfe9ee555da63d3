package rotor.conformance

/** onboard (openapi/onboard.yaml): the tool's checks of it, against the target. */
class OnboardConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('onboard')
    }
}
