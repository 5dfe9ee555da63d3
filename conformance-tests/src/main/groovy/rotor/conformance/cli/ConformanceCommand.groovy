package rotor.conformance.cli

import picocli.CommandLine
import picocli.CommandLine.Command
import picocli.CommandLine.Option
import rotor.conformance.AdminCredentials
import rotor.conformance.BroughtCredentials
import rotor.conformance.CheckResult
import rotor.conformance.ConformanceRun
import rotor.conformance.ContractValidators
import rotor.conformance.Contracts
import rotor.conformance.Credentials
import rotor.conformance.Wire
import rotor.conformance.report.ReportWriter

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.SecureRandom
import java.time.Duration
import java.util.concurrent.Callable

@Command(name = 'rotor-conformance', mixinStandardHelpOptions = true, version = 'rotor-conformance 0.1.0',
        sortOptions = false, usageHelpWidth = 110,
        description = [
                'Checks a server against the contracts in openapi/: every request and every answer is judged by',
                'swagger-request-validator against its contract, and each check asserts what the contract pins down.',
                '',
                'Exit codes: 0 every check that ran passed; 1 an answer did not conform (or none came within --timeout);',
                '2 usage or connection error, an admin token the target refuses, or a report directory it cannot write;',
                '3 the run stopped at --max-time, and every check that ran before then passed.',
        ],
        footer = [
                '',
                'Tokens come one of two ways:',
                '  --admin-token T  provisions everything through the admin contract (admin.yaml): grants, an API key,',
                '                   a connection, an OAuth 2.0 client. Every check can run.',
                '  --credential     without an admin token, the checks use what you bring, per contract:',
                '    dayzero.refresh-token, dayzero.business-id   a live refresh token and its business (UUID)',
                '    onboard.refresh-token                        a live refresh token (sent as x-auth-token)',
                '    partner.refresh-token, partner.partner-id    a live refresh token and its partnerId (int32)',
                '    session.refresh-token                        a live refresh token (a JWT)',
                '    mielto.api-key, mielto.connection-id         an API key and a connection of its workspace',
                '    oauth2.client-id, oauth2.client-secret,      a registered client (client_secret_basic) and a live',
                '    oauth2.refresh-token                         refresh token of a grant of that client',
                '  A brought refresh token is SPENT: the checks refresh with it and its successors, and finally replay',
                '  one two generations old to see reuse refused, which revokes the whole grant. Bring one you can lose.',
                '  A mielto connection is refreshed against its upstream for real.',
                '  Checks whose credentials are missing are reported as "not run: needs ...", neither passed nor failed;',
                '  the admin contract\'s checks always need --admin-token.',
                '',
                'What it leaves on the target: with --admin-token, the grants (many revoked), API keys, OAuth 2.0 clients',
                '  and mielto connections it created, named conformance or subject-*; the admin checks also rotate the',
                '  signing key once (old keys keep verifying) and run retention once (it deletes only what has expired).',
                '  Point it at a test deployment, not at production.',
                '',
                'The key set: access tokens are verified against /.well-known/jwks.json when oauth2 is among the contracts;',
                '  without it, the reports say which passed checks could not verify their access token.',
                'A request unanswered for --timeout seconds fails the check that sent it, naming the request.',
                'The whole run stops after --max-time seconds: the check running then and every one after it are',
                '  reported as not run, and the reports are written.',
                'Reports: conformance-report.md, conformance-report.html and TEST-rotor-conformance.xml (JUnit) in --report.',
        ])
class ConformanceCommand implements Callable<Integer> {

    static final int CONFORMS = 0
    static final int DOES_NOT_CONFORM = 1
    static final int USAGE_OR_CONNECTION = 2
    static final int OUT_OF_TIME = 3

    @Option(names = '--base-url', required = true, paramLabel = 'URL', description = 'the server to check, e.g. http://localhost:8080')
    String baseUrl

    @Option(names = '--contract', paramLabel = 'NAME', split = ',', description = 'a contract to check (repeatable, or comma-separated): dayzero, onboard, mielto, partner, session, admin, oauth2; default all')
    List<String> contracts = []

    @Option(names = '--admin-token', paramLabel = 'T', description = 'the admin token: provision every credential through the admin contract')
    String adminToken

    @Option(names = '--credential', paramLabel = 'NAME.KEY=VALUE', description = 'a brought credential (repeatable), see below')
    Map<String, String> credentials = [:]

    @Option(names = '--report', paramLabel = 'DIR', description = 'where the reports go (default: ${DEFAULT-VALUE})')
    File reportDir = new File('conformance-report')

    @Option(names = '--timeout', paramLabel = 'SECONDS', description = 'how long one request may go unanswered before its check fails (default: ${DEFAULT-VALUE})')
    int timeoutSeconds = 30

    @Option(names = '--max-time', paramLabel = 'SECONDS', description = 'how long the whole run may take (default: ${DEFAULT-VALUE})')
    int maxTimeSeconds = 1800

    @Option(names = '--seed', paramLabel = 'N', description = 'the seed of generated values and negative cases; printed by every run (default: random)')
    Long seed

    private final PrintStream out
    private final PrintStream err

    ConformanceCommand(PrintStream out = System.out, PrintStream err = System.err) {
        this.out = out
        this.err = err
    }

    static void main(String[] args) {
        System.exit(execute(args))
    }

    /** Runs the tool as `java -jar` would, and answers its exit code. */
    static int execute(String[] args, PrintStream out = System.out, PrintStream err = System.err) {
        def commandLine = new CommandLine(new ConformanceCommand(out, err))
        commandLine.out = new PrintWriter(out, true)
        commandLine.err = new PrintWriter(err, true)
        commandLine.execute(args)
    }

    @Override
    Integer call() {
        def chosen = contracts ?: Contracts.NAMES
        def unknown = chosen - Contracts.NAMES
        if (unknown) {
            return usage("unknown contract ${unknown.join(', ')}; known: ${Contracts.NAMES.join(', ')}")
        }
        if (adminToken && credentials) {
            return usage('give either --admin-token or --credential, not both')
        }
        Credentials brought = null
        try {
            brought = adminToken ? null : new BroughtCredentials(credentials)
        } catch (IllegalArgumentException wrong) {
            return usage(wrong.message)
        }
        if (timeoutSeconds < 1) {
            return usage("--timeout must be at least 1 second, not ${timeoutSeconds}")
        }
        if (maxTimeSeconds < 1) {
            return usage("--max-time must be at least 1 second, not ${maxTimeSeconds}")
        }
        def unwritable = reportDirProblem()
        if (unwritable) {
            return usage(unwritable)
        }
        def unreachable = probe()
        if (unreachable) {
            err.println(unreachable)
            return USAGE_OR_CONNECTION
        }
        long runSeed = seed != null ? seed : new SecureRandom().nextLong()
        def wire = new Wire(baseUrl, new ContractValidators(), Duration.ofSeconds(timeoutSeconds))
        wire.limitRunTo(Duration.ofSeconds(maxTimeSeconds))
        Credentials source = brought ?: new AdminCredentials(wire, adminToken, new Random(runSeed))
        def run = new ConformanceRun(wire, source, chosen, runSeed)
        out.println("rotor-conformance: ${baseUrl}, ${adminToken ? 'admin token' : 'brought credentials'}, seed ${runSeed}")
        try {
            chosen.each { contract -> progress(run, contract) }
        } catch (ConformanceRun.TargetUnreachable stopped) {
            err.println(stopped.message)
            return USAGE_OR_CONNECTION
        } catch (AdminCredentials.ProvisioningFailure refused) {
            err.println("the target refused the admin token: ${refused.message}")
            return USAGE_OR_CONNECTION
        }
        List<java.nio.file.Path> written
        try {
            written = new ReportWriter(run, baseUrl).writeTo(reportDir.toPath())
        } catch (IOException failed) {
            err.println("cannot write the reports into ${reportDir}: ${failed.message ?: failed.class.simpleName}")
            return USAGE_OR_CONNECTION
        }
        out.println("reports: ${written.collect { it.toString() }.join(', ')}")
        if (adminToken) {
            out.println('left on the target: the grants, API keys, OAuth 2.0 clients and connections this run created' +
                    (run.results.any { it.check.contract == 'admin' && it.outcome != CheckResult.Outcome.NOT_RUN }
                            ? '; one signing key rotation; one retention run' : ''))
        }
        if (run.outOfTime) {
            out.println("${run.outOfTime.message}: the checks from then on were not run")
        }
        !run.conforming ? DOES_NOT_CONFORM : run.outOfTime ? OUT_OF_TIME : CONFORMS
    }

    private void progress(ConformanceRun run, String contract) {
        def started = System.nanoTime()
        def results = run.run(contract)
        def (generated, written) = results.split { it.check.generated }
        def counts = written.countBy { it.outcome }
        def negative = generated.countBy { it.outcome }
        out.println(String.format(Locale.ROOT, '%-8s %3d checks: %3d passed, %3d failed, %3d not run; %3d negative cases: %3d passed, %3d failed, %3d not run (%.1f s)',
                contract, written.size(), counts[CheckResult.Outcome.PASSED] ?: 0, counts[CheckResult.Outcome.FAILED] ?: 0,
                counts[CheckResult.Outcome.NOT_RUN] ?: 0, generated.size(), negative[CheckResult.Outcome.PASSED] ?: 0,
                negative[CheckResult.Outcome.FAILED] ?: 0, negative[CheckResult.Outcome.NOT_RUN] ?: 0, (System.nanoTime() - started) / 1e9d))
        results.findAll { it.outcome == CheckResult.Outcome.FAILED }.each { out.println("  FAILED ${it.check.name}: ${it.message.readLines().first()}") }
    }

    /** Null when the reports can be written, else why not: found before the run, not after it. */
    private String reportDirProblem() {
        def dir = reportDir.toPath()
        try {
            java.nio.file.Files.createDirectories(dir)
        } catch (IOException | SecurityException failed) {
            return "cannot write the reports into ${reportDir}: ${whyNotWritten(failed)}"
        }
        java.nio.file.Files.isWritable(dir) ? null : "cannot write the reports into ${reportDir}: the directory is not writable"
    }

    /** Null when the target answers HTTP at all, else why it cannot be checked. */
    private String probe() {
        try {
            def http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            http.send(HttpRequest.newBuilder(URI.create(baseUrl.replaceAll('/+$', '') + '/')).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
            null
        } catch (IllegalArgumentException badUrl) {
            "not a URL: ${baseUrl}"
        } catch (IOException unreachable) {
            if (causes(unreachable).any { it instanceof UnknownHostException || it instanceof java.nio.channels.UnresolvedAddressException }) {
                return "cannot connect to ${baseUrl}: unknown host ${URI.create(baseUrl).host}"
            }
            if (causes(unreachable).any { it instanceof java.net.ConnectException }) {
                return "cannot connect to ${baseUrl}: connection refused (is the server listening on that port?)"
            }
            "cannot connect to ${baseUrl}: ${unreachable.message ?: unreachable.class.simpleName}"
        }
    }

    /** A FileSystemException's message is only its path: its reason, or else its kind, says what went wrong. */
    private static String whyNotWritten(Exception failed) {
        if (failed instanceof java.nio.file.FileAlreadyExistsException) {
            return 'a file of that name is in the way'
        }
        if (failed instanceof java.nio.file.AccessDeniedException) {
            return 'permission denied'
        }
        if (failed instanceof java.nio.file.FileSystemException) {
            return failed.reason ?: failed.class.simpleName
        }
        failed.message ?: failed.class.simpleName
    }

    private static List<Throwable> causes(Throwable failure) {
        def chain = []
        for (def t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
        }
        chain
    }

    private int usage(String message) {
        err.println(message)
        err.println("see: rotor-conformance --help")
        USAGE_OR_CONNECTION
    }
}
