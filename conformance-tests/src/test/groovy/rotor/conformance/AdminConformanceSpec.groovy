package rotor.conformance

/** admin (openapi/admin.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class AdminConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'admin'
    }
}
