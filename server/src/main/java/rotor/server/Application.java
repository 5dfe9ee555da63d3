package rotor.server;

import io.micronaut.runtime.Micronaut;

/** Starts the rotor server: every contract in openapi/ on one port. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
