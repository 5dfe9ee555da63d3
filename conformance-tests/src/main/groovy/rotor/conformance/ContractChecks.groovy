package rotor.conformance

/**
 * The checks of one contract, in the order they run: a check that replays a token (and so ends a
 * brought token's chain) comes after every check that needs the chain alive.
 */
abstract class ContractChecks {

    abstract String getContract()

    abstract List<Check> checks()

    /** A check whose body runs with a {@link CheckContext} as its delegate. */
    protected Check check(String name, List<String> needs = [], @DelegatesTo(value = CheckContext, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        new Check(contract, name, needs, body)
    }

    /** The checks of every contract, by name. */
    static Map<String, ContractChecks> all() {
        [new rotor.conformance.checks.DayzeroChecks(), new rotor.conformance.checks.OnboardChecks(), new rotor.conformance.checks.MieltoChecks(),
         new rotor.conformance.checks.PartnerChecks(), new rotor.conformance.checks.SessionChecks(), new rotor.conformance.checks.AdminChecks(),
         new rotor.conformance.checks.OAuth2Checks()].collectEntries { [it.contract, it] }
    }
}
