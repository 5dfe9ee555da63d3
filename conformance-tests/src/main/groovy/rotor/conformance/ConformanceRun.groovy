package rotor.conformance

import rotor.conformance.negative.NegativeCases

import java.net.http.HttpConnectTimeoutException
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Runs the checks of the chosen contracts against one target, in order, and keeps every result
 * and every exchange. A connection that cannot be made ends the run: the target is not there,
 * which says nothing about its conformance.
 */
class ConformanceRun {

    final Wire wire
    final Credentials credentials
    final List<String> contracts
    final long seed
    final List<CheckResult> results = new CopyOnWriteArrayList<>()
    final List<Exchange> exchanges = new CopyOnWriteArrayList<>()
    private final Random random
    private final CheckContext context
    /** Set once the run's --max-time has run out: every check from then on is not run. */
    Wire.OutOfTime outOfTime

    ConformanceRun(Wire wire, Credentials credentials, List<String> contracts, long seed) {
        this.wire = wire
        this.credentials = credentials
        this.contracts = contracts
        this.seed = seed
        this.random = new Random(seed)
        this.context = new CheckContext(wire, credentials, random, 'oauth2' in contracts)
        wire.listen { exchanges << it }
    }

    /** Runs one contract's checks, then its generated negative cases; tells the listener of each result as it comes. */
    List<CheckResult> run(String contract, Closure<?> onResult = {}) {
        (ContractChecks.all()[contract].checks() + negativeCases(contract)).collect { check ->
            def result = run(check)
            onResult(result)
            result
        }
    }

    /** The contract's generated negative cases: the same for the same seed. */
    List<Check> negativeCases(String contract) {
        new NegativeCases(contract, seed).checks()
    }

    CheckResult run(Check check) {
        if (outOfTime) {
            return record(new CheckResult(check, CheckResult.Outcome.NOT_RUN, "${outOfTime.message} before it", [], 0))
        }
        def missing = credentials.missing(check.needs)
        if (missing) {
            return record(new CheckResult(check, CheckResult.Outcome.NOT_RUN, missing, [], 0))
        }
        def before = exchanges.size()
        def started = System.nanoTime()
        def outcome = CheckResult.Outcome.PASSED
        String message = null
        context.notes.clear()
        try {
            def body = check.body.rehydrate(context, check.body.owner, check.body.thisObject)
            body.resolveStrategy = Closure.DELEGATE_FIRST
            body.call()
        } catch (ConnectException | HttpConnectTimeoutException unreachable) {
            throw new TargetUnreachable(wire.baseUrl, unreachable)
        } catch (Wire.OutOfTime ranOut) {
            outOfTime = ranOut
            outcome = CheckResult.Outcome.NOT_RUN
            message = "${ranOut.message} during it"
        } catch (AdminCredentials.ProvisioningFailure failure) {
            if (failure.tokenRefused) {
                throw failure
            }
            outcome = CheckResult.Outcome.FAILED
            message = "provisioning what the check needs through the admin contract failed: ${failure.message}"
        } catch (Throwable failure) {
            outcome = CheckResult.Outcome.FAILED
            message = failure instanceof AssertionError ? failure.message : "${failure.class.simpleName}: ${failure.message}"
        }
        if (outcome == CheckResult.Outcome.PASSED && context.notes) {
            message = context.notes.unique().join('; ')
        }
        def made = exchanges.subList(before, exchanges.size()).collect()
        record(new CheckResult(check, outcome, message, made, (System.nanoTime() - started).intdiv(1_000_000) as long))
    }

    private CheckResult record(CheckResult result) {
        results << result
        result
    }

    boolean isConforming() {
        results.every { it.outcome != CheckResult.Outcome.FAILED }
    }

    /** The target could not be reached at all. */
    static class TargetUnreachable extends RuntimeException {
        TargetUnreachable(String baseUrl, Throwable cause) {
            super("cannot connect to ${baseUrl}: ${cause.message ?: cause.class.simpleName}", cause)
        }
    }
}
