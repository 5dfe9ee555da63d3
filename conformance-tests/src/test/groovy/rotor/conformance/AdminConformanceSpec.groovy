package rotor.conformance

/** admin (openapi/admin.yaml): the tool's checks of it, against the target. */
class AdminConformanceSpec extends ConformanceSpecification {

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << checks('admin')
    }
}
