package rotor.conformance

/**
 * One conformance check: a named behaviour of one contract, what it needs to run (credential
 * names such as `dayzero.refresh-token`, or {@link #ADMIN} for the admin token), and the body
 * that drives the target and asserts on what it answered.
 */
class Check {

    /** The need only an admin token (admin-token mode) satisfies. */
    static final String ADMIN = 'admin-token'

    final String contract
    final String name
    final List<String> needs
    final Closure<?> body
    /** A negative case generated from the spec, rather than a check written by hand. */
    final boolean generated

    Check(String contract, String name, List<String> needs, Closure<?> body, boolean generated = false) {
        this.contract = contract
        this.name = name
        this.needs = needs
        this.body = body
        this.generated = generated
    }

    @Override
    String toString() {
        "${contract}: ${name}"
    }
}
