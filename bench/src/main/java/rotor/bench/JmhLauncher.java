package rotor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --jmh}: JMH's own main on this module's classes and target/lib (rotor-server and all it
 * needs), in a child JVM of the same JDK. rotor-bench.jar carries no Class-Path so that the load
 * harness and the ceiling stay free of rotor's classes; the JMH benchmarks need them.
 */
final class JmhLauncher {

    private JmhLauncher() {
    }

    /** @param jmhArgs JMH's own options; without any, every benchmark with its defaults (1 fork, 3 + 5 iterations of 2 s) */
    static int run(String[] jmhArgs, Path code) {
        Path lib = code.getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            System.err.println("bench: no " + lib + ": build the bench module first");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", code + File.pathSeparator + lib.resolve("*"), "org.openjdk.jmh.Main"));
        command.addAll(Arrays.asList(jmhArgs));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("bench: could not start JMH: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
