package rotor.conformance

import rotor.contracts.Contract

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Which documented status of which operation the suite saw, and whether every such answer
 * validated against its contract. Written to target/conformance-report.md at the end of the run.
 */
class Coverage {

    static final Coverage INSTANCE = new Coverage()

    /** Documented statuses the suite cannot make a conforming server give, and why. */
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

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>()

    void record(Exchange exchange) {
        exchanges << exchange
    }

    /** Documented (operation, status) pairs neither seen nor excused. */
    List<String> uncovered() {
        rows().findAll { it.state == 'NOT COVERED' }.collect { "${it.contract} ${it.operationId} ${it.status}".toString() }
    }

    String report() {
        def out = new StringBuilder('# Conformance report\n\n')
        out << "Target: ${ConformanceTarget.get().description}\n\n"
        out << "${exchanges.size()} exchanges, each request and response validated against its contract by swagger-request-validator.\n\n"
        rows().groupBy { it.contract }.each { contract, rows ->
            out << "## ${contract}\n\n| operation | status | covered | passed | note |\n|---|---|---|---|---|\n"
            rows.each { row -> out << "| `${row.operationId}` ${row.method} `${row.path}` | ${row.status} | ${row.covered} | ${row.passed} | ${row.note} |\n" }
            out << '\n'
        }
        def undocumented = exchanges.findAll { it.responseProblems }
        if (undocumented) {
            out << '## Answers that did not validate\n\n'
            undocumented.each { out << "- ${it}\n" }
        }
        out.toString()
    }

    void write(Path file) {
        Files.createDirectories(file.parent)
        Files.writeString(file, report())
    }

    private List<Map> rows() {
        Contract.all().collectMany { contract ->
            contract.operations().collectMany { op ->
                op.responses().keySet().sort().collect { status ->
                    def seen = exchanges.findAll { it.contract == contract.name && it.operationId == op.operationId && it.status == (status as int) }
                    def key = "${contract.name} ${op.operationId} ${status}".toString()
                    def excuse = NOT_PROVOKED[key]
                    def state = seen ? 'covered' : excuse ? 'skipped' : 'NOT COVERED'
                    [contract: contract.name, operationId: op.operationId, method: op.method, path: op.path, status: status,
                     state   : state,
                     covered : seen ? "yes (${seen.size()})" : (excuse ? 'skipped' : 'NOT COVERED'),
                     passed  : seen ? (seen.every { !it.responseProblems } ? 'yes' : 'FAILED') : '-',
                     note    : seen ? '' : (excuse ?: '')]
                }
            }
        }
    }
}
