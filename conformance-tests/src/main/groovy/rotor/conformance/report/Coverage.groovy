package rotor.conformance.report

import rotor.conformance.Check
import rotor.conformance.CheckResult
import rotor.conformance.Contracts
import rotor.conformance.ConformanceRun
import rotor.conformance.Exchange

/**
 * Which documented status of which operation the run saw, and whether every such answer
 * validated against its contract: one row per contract, operation and status.
 */
class Coverage {

    /** Documented statuses no check can make a conforming server give, and why. */
    static final Map<String, String> NOT_PROVOKED = [
            'dayzero refresh_token_api_v1_oauth2_refresh_post 500'                : 'an internal error cannot be provoked from outside; server/InternalErrorsSpec drives it with a failing engine',
            'onboard refreshAccessToken 500'                                     : 'an internal error cannot be provoked from outside; server/InternalErrorsSpec drives it with a failing engine',
            'partner refreshToken 500'                                           : 'an internal error cannot be provoked from outside; server/InternalErrorsSpec drives it with a failing engine',
            'session refreshToken 500'                                           : 'an internal error cannot be provoked from outside; server/InternalErrorsSpec drives it with a failing engine',
            'mielto refresh_oauth_token_api_v1_oauth_refresh__connection_id__post 500': 'an internal error cannot be provoked from outside',
            'admin createGrant 500'                                              : 'an internal error cannot be provoked from outside',
            'admin getGrant 500'                                                 : 'an internal error cannot be provoked from outside',
            'admin revokeGrant 500'                                              : 'an internal error cannot be provoked from outside',
            'admin createApiKey 500'                                             : 'an internal error cannot be provoked from outside',
            'admin createConnection 500'                                         : 'an internal error cannot be provoked from outside',
            'admin getConnection 500'                                            : 'an internal error cannot be provoked from outside',
            'admin createClient 500'                                             : 'an internal error cannot be provoked from outside',
            'admin rotateSigningKey 500'                                         : 'an internal error cannot be provoked from outside',
            'admin runRetention 500'                                             : 'an internal error cannot be provoked from outside',
            'admin deleteApiKey 500'                                             : 'an internal error cannot be provoked from outside',
            'admin deleteClient 500'                                             : 'an internal error cannot be provoked from outside',
            'admin deleteConnection 500'                                         : 'an internal error cannot be provoked from outside',
            'admin revokeSubjectGrants 500'                                      : 'an internal error cannot be provoked from outside',
            'oauth2 token 500'                                                   : 'an internal error cannot be provoked from outside',
            'oauth2 revoke 500'                                                  : 'an internal error cannot be provoked from outside',
            'oauth2 introspect 500'                                              : 'an internal error cannot be provoked from outside',
    ]

    static class Row {
        String contract
        String operationId
        String method
        String path
        String status
        /** covered, skipped, not run, NOT COVERED */
        String state
        List<Exchange> seen
        String note

        boolean isPassed() {
            seen && seen.every { !it.responseProblems }
        }

        String getCovered() {
            state == 'covered' ? "yes (${seen.size()})" : state
        }

        String getPassedText() {
            seen ? (passed ? 'yes' : 'FAILED') : '-'
        }
    }

    final ConformanceRun run

    Coverage(ConformanceRun run) {
        this.run = run
    }

    /** Every documented answer of the run's contracts. */
    List<Row> rows() {
        run.contracts.collectMany { contract ->
            def results = run.results.findAll { it.check.contract == contract }
            // Only the checks not run for a credential the run lacks (not those that --max-time cut off).
            def needs = results.findAll { it.outcome == CheckResult.Outcome.NOT_RUN && run.credentials.missing(it.check.needs) }
                    .collectMany { it.check.needs }.unique()
                    .collect { it == Check.ADMIN ? '--admin-token' : it }
            // A check that failed may have been the one to provoke the status: then it is not covered, whatever did not run.
            def failed = results.any { it.outcome == CheckResult.Outcome.FAILED }
            Contracts.operations(contract).collectMany { op ->
                op.statuses.collect { status ->
                    def seen = run.exchanges.findAll { it.contract == contract && it.operationId == op.operationId && it.status == (status as int) }
                    def excuse = NOT_PROVOKED["${contract} ${op.operationId} ${status}".toString()]
                    def state = seen ? 'covered' : excuse ? 'skipped' : (needs || run.outOfTime) && !failed ? 'not run' : 'NOT COVERED'
                    def note = seen ? '' : excuse ?: needs ? "checks not run: they need ${needs.join(', ')}"
                            : run.outOfTime ? "checks not run: ${run.outOfTime.message}" : ''
                    new Row(contract: contract, operationId: op.operationId, method: op.method, path: op.path, status: status,
                            state: state, seen: seen, note: note)
                }
            }
        }
    }

    /** Documented (operation, status) pairs neither seen, nor excused, nor left to checks that could not run. */
    List<String> uncovered() {
        rows().findAll { it.state == 'NOT COVERED' }.collect { "${it.contract} ${it.operationId} ${it.status}".toString() }
    }
}
