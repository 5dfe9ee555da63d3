package rotor.conformance

/** session (openapi/session.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class SessionConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'session'
    }
}
