package rotor.conformance

/** oauth2 (openapi/oauth2.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class OAuth2ConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'oauth2'
    }
}
