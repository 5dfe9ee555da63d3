package rotor.conformance

/** mielto (openapi/mielto.yaml): the tool's checks of it, against the target. */
class MieltoConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('mielto')
    }
}
