package rotor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test as a child process of its own (rotor or the ceiling), so that its CPU and
 * memory can be read from /proc apart from the load generator's. Started on a free port, ready when
 * its health path answers 200, stopped with SIGTERM and a wait (then SIGKILL if it hangs).
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final URI base;
    private final Path log;

    private ServerProcess(String name, Process process, URI base, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * @param command the JVM's arguments after the java executable (-jar x.jar, or -cp ... Main)
     * @param env     added to this process's environment; the port goes in as MICRONAUT_SERVER_PORT
     */
    static ServerProcess start(String name, String java, List<String> command, Map<String, String> env,
                               String healthPath, Path log) {
        int port = freePort();
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try {
            ServerProcess server = new ServerProcess(name, builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log);
            server.awaitReady(healthPath);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + line, e);
        }
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    private void awaitReady(String healthPath) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve(healthPath)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException(name + " did not answer " + healthPath + " within " + READY_WITHIN + ":\n" + tail());
    }

    /** The end of the server's log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Until {@link System#nanoTime()} reaches {@code nanoTime}. */
    static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            sleep(Math.max(1, left / 1_000_000));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
