package rotor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a result was measured on: cores, CPU model, load before the run, and the JDKs. */
final class Machine {

    private Machine() {
    }

    static String description() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + "; load average before the run "
                + loadAverage();
    }

    /** The version lines of {@code java -version} for another JDK, e.g. the server's. */
    static String javaVersion(String java) {
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor();
            return lines.size() > 1 ? lines.get(0) + " (" + lines.get(1).trim() + ")" : String.join(" ", lines);
        } catch (IOException e) {
            return java + " (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java;
        }
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("CPU model unknown");
    }

    private static String loadAverage() {
        String[] fields = read("/proc/loadavg").split(" ");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
