package rotor.conformance

/** mielto (openapi/mielto.yaml): the tool's checks of it, and its generated negative cases, against the target. */
class MieltoConformanceSpec extends ConformanceSpecification {

    @Override
    String getContract() {
        'mielto'
    }
}
