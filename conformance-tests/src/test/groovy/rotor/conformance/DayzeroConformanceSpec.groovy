package rotor.conformance

/** dayzero (openapi/dayzero.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class DayzeroConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'dayzero'
    }
}
