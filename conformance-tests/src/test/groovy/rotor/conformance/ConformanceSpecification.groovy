package rotor.conformance

import spock.lang.Specification

/**
 * Base of the contracts' specifications: each runs its contract's checks (the tool's own, from
 * src/main) and its generated negative cases against the target, with credentials issued through
 * the admin contract, in one run whose reports become target/conformance-report.md and .html.
 */
abstract class ConformanceSpecification extends Specification {

    private static ConformanceRun shared

    /** The contract the specification checks. */
    abstract String getContract()

    def "#check.name"() {
        expect:
        passes(check)

        where:
        check << ContractChecks.all()[contract].checks()
    }

    def "every generated negative case gets a documented answer, never a 5xx"() {
        when:
        def results = sharedRun().negativeCases(contract).collect { sharedRun().run(it) }
        def failed = results.findAll { !it.passed }

        then:
        results.size() > 0
        assert failed.empty: "seed ${sharedRun().seed}:\n" + failed.collect { "${it}\n${it.offending?.transcript()}" }.join('\n')
    }

    /** The one run of this JVM, started by the first check. */
    static synchronized ConformanceRun sharedRun() {
        if (shared == null) {
            def target = ConformanceTarget.get()
            def seed = Long.getLong('conformance.seed', new Random().nextLong())
            def wire = new Wire(target.baseUrl, new ContractValidators())
            shared = new ConformanceRun(wire, new AdminCredentials(wire, target.adminToken, new Random(seed)), Contracts.NAMES, seed)
        }
        shared
    }

    /** The run, or null when no check ran in this JVM. */
    static synchronized ConformanceRun started() {
        shared
    }

    /** Runs one check; a failure shows the check's message and the exchange it is about. */
    static boolean passes(Check check) {
        def result = sharedRun().run(check)
        assert result.outcome == CheckResult.Outcome.PASSED: "${result}\n(seed ${sharedRun().seed})\n${result.offending?.transcript() ?: ''}"
        true
    }
}
