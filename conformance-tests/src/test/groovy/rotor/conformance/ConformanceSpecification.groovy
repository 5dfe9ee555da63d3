package rotor.conformance

import spock.lang.Specification

/**
 * Base of the contracts' specifications: each runs its contract's checks (the tool's own, from
 * src/main) against the target, with credentials issued through the admin contract, in one run
 * whose coverage becomes target/conformance-report.md.
 */
abstract class ConformanceSpecification extends Specification {

    private static ConformanceRun shared

    /** The one run of this JVM, started by the first check. */
    static synchronized ConformanceRun run() {
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

    static List<Check> checks(String contract) {
        ContractChecks.all()[contract].checks()
    }

    /** Runs one check; a failure shows the check's message and the exchange it is about. */
    static boolean passes(Check check) {
        def result = run().run(check)
        assert result.outcome == CheckResult.Outcome.PASSED: "${result}\n(seed ${run().seed})\n${result.offending?.transcript() ?: ''}"
        true
    }
}
