package rotor.cluster

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/** One packaged rotor (server/target/rotor.jar) as a child process on a port of its own. */
class RotorProcess implements Closeable {

    static final String ADMIN_TOKEN = 'cluster-admin-token'

    final int port
    /** Where the console goes; none for {@link #startWithAConsoleNobodyReads}. */
    final Path log
    private final Process process

    private RotorProcess(int port, Path log, Process process) {
        this.port = port
        this.log = log
        this.process = process
    }

    /** Starts rotor on PostgreSQL with the given master key and waits until it answers /health. */
    static RotorProcess start(String jdbcUrl, String masterKey, Path dir, Map<String, String> properties = [:]) {
        launch(dir, [
                ROTOR_MASTER_KEY                     : masterKey,
                DATASOURCES_DEFAULT_URL              : jdbcUrl,
                DATASOURCES_DEFAULT_DRIVER_CLASS_NAME: 'org.postgresql.Driver',
                DATASOURCES_DEFAULT_USERNAME         : 'postgres',
                DATASOURCES_DEFAULT_PASSWORD         : 'postgres',
        ], properties)
    }

    /** Starts rotor as the README runs it: its H2 store and master key in the data directory. */
    static RotorProcess startOnItsOwnStore(Path dir, Map<String, String> environment = [:], Map<String, String> properties = [:]) {
        launch(dir, environment, properties)
    }

    /**
     * Starts rotor on its own store with its console on a pipe that this process does not read until
     * {@link #console} is called, as a log shipper that has stalled would leave it: once the pipe's
     * buffer (64 KiB on Linux) is full, a write to it waits.
     */
    static RotorProcess startWithAConsoleNobodyReads(Path dir) {
        launch(dir, [:], [:], false)
    }

    /** The console of a rotor started by {@link #startWithAConsoleNobodyReads}, from where the pipe stands. */
    InputStream console() {
        process.inputStream
    }

    private static RotorProcess launch(Path dir, Map<String, String> environment, Map<String, String> properties,
                                       boolean consoleToFile = true) {
        int port = new ServerSocket(0).withCloseable { it.localPort }
        Files.createDirectories(dir)
        def log = consoleToFile ? dir.resolve("rotor-${port}.log") : null
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()] +
                properties.collect { k, v -> "-D${k}=${v}".toString() } +
                ['-jar', Path.of(System.getProperty('rotor.jar')).toAbsolutePath().toString()]
        def builder = new ProcessBuilder(command).redirectErrorStream(true)
        if (log != null) {
            builder.redirectOutput(log.toFile())
        }
        builder.environment().putAll([
                MICRONAUT_SERVER_PORT: port as String,
                ROTOR_DATA_DIR       : dir.toString(),
                ROTOR_ADMIN_TOKEN    : ADMIN_TOKEN,
        ] + environment)
        def rotor = new RotorProcess(port, log, builder.start())
        rotor.awaitHealth()
        rotor
    }

    URI uri(String path) {
        URI.create("http://localhost:${port}${path}")
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM kill would have it. */
    void kill() {
        process.destroyForcibly()
        process.waitFor()
    }

    /** SIGTERM, as an orchestrator stops a process; returns at once. */
    void terminate() {
        process.destroy()
    }

    /** Sends a signal by name (HUP, INT, ...) with kill(1); returns once it is sent. */
    void signal(String name) {
        def kill = new ProcessBuilder('kill', "-${name}".toString(), process.pid() as String).inheritIO().start()
        if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -${name} ${process.pid()} failed")
        }
    }

    /** The exit code, once the process has exited within the time given; empty if it is still running then. */
    Optional<Integer> exitCode(Duration within) {
        process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue()) : Optional.empty()
    }

    @Override
    void close() {
        process.destroy()
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill()
        }
    }

    private void awaitHealth() {
        def http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
        def deadline = Instant.now() + Duration.ofSeconds(60)
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive) {
                throw new IllegalStateException("rotor exited at start:\n${log?.text ?: process.inputStream.text}")
            }
            try {
                def r = http.send(HttpRequest.newBuilder(uri('/health')).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding())
                if (r.statusCode() == 200) {
                    return
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100)
        }
        throw new IllegalStateException("rotor did not answer /health within 60 s${log == null ? '' : ':\n' + log.text}")
    }
}
