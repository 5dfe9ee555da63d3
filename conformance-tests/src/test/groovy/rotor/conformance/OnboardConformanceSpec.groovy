package rotor.conformance

/** onboard (openapi/onboard.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class OnboardConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'onboard'
    }
}
