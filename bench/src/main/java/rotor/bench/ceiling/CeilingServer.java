package rotor.bench.ceiling;

import io.micronaut.runtime.Micronaut;

/**
 * The sign-only ceiling: what one refresh costs at the least on rotor's HTTP stack (Micronaut on
 * Netty) with no store at all. Per request: 256 random bits for a refresh token, its SHA-256, one
 * ES256-signed JWT with an access token's claims, a JSON answer. rotor's refresh does all of that
 * and more, so its throughput divided by this one says how much of the machine rotor gets to use.
 *
 * <p>Started by the benchmark as a child process on a classpath without rotor's classes (see
 * bench/pom.xml), listening on MICRONAUT_SERVER_PORT.
 */
public final class CeilingServer {

    private CeilingServer() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments(CeilingController.ENVIRONMENT).banner(false).start();
    }
}
