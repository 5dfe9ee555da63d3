package rotor.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;

/**
 * How fast this machine is right now: P-256 signatures per second on one thread of this JVM,
 * timed before each level's warm-up and after its measured window, while no server is under load.
 *
 * Why: on a shared VM the hypervisor can slow every core by half for minutes without any steal
 * or other process showing in /proc (a run here went from 479 to 1,182 us of CPU per refresh in
 * ten minutes, same build). CPU accounting cannot see that; a fixed piece of work can.
 */
final class MachineSpeed {

    private static final Duration PROBE = Duration.ofMillis(500);

    /** Signatures per second before and after one window. */
    record Reading(double before, double after) {

        double mean() {
            return (before + after) / 2;
        }

        /** How much the machine's speed changed across the window, as a share of the faster reading. */
        double drift() {
            return Math.abs(before - after) / Math.max(before, after);
        }
    }

    private final KeyPair key;
    private final Signature signature;
    private final byte[] digestInput = new byte[32];

    MachineSpeed() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.key = generator.generateKeyPair();
            this.signature = Signature.getInstance("SHA256withECDSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 signatures in this JVM", e);
        }
        warmUp();
    }

    /**
     * Until two readings in a row agree within 5% (at most 10 s): the JIT compiles the P-256
     * arithmetic over the first seconds, and a first reading taken before that read 40% slow.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double last = probe();
        while (System.nanoTime() < deadline) {
            double next = probe();
            if (new Reading(last, next).drift() < 0.05) {
                return;
            }
            last = next;
        }
    }

    /** One reading now: signatures per second over half a second. */
    double probe() {
        try {
            long start = System.nanoTime();
            long end = start + PROBE.toNanos();
            long signed = 0;
            long now;
            do {
                signature.initSign(key.getPrivate());
                signature.update(digestInput);
                signature.sign();
                signed++;
                now = System.nanoTime();
            } while (now < end);
            return signed * 1e9 / (now - start);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a probe signature failed", e);
        }
    }
}
