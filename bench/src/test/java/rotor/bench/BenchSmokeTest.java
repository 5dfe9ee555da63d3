package rotor.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark, a few seconds of it, against the real packaged server (server/target/rotor.jar)
 * and the ceiling, so that the tool cannot rot. It asserts that the run worked and wrote its
 * report, never how fast anything was: noisy windows are allowed, since builds share this machine.
 */
class BenchSmokeTest {

    @Test
    void measuresRotorAndTheCeilingAndWritesTheReport(@TempDir Path out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Bench.Outcome outcome = Bench.run(new String[]{
                "--dialect", "oauth2", "--concurrency", "2", "--warmup", "1s", "--warmup-most", "0s", "--duration", "2s",
                "--server-jar", System.getProperty("rotor.server.jar"), "--out", out.toString(), "--allow-noise", "--retries", "0"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String log = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, outcome.exitCode(), log);
        assertEquals(2, outcome.figures().size(), log); // the ceiling and rotor, at 2 clients
        for (Object[] row : outcome.figures()) {
            assertTrue((double) row[2] > 0, row[0] + " refreshed nothing:\n" + log);
            assertEquals(0L, row[3], row[0] + " had errors:\n" + log);
        }
        String table = Files.readString(outcome.markdown());
        assertTrue(Pattern.compile("^\\| rotor oauth2( \\(noisy\\))? \\| 2 \\|", Pattern.MULTILINE).matcher(table).find(), table);
        assertTrue(Pattern.compile("^\\| ceiling( \\(noisy\\))? \\| 2 \\|.* \\| 100% \\|$", Pattern.MULTILINE).matcher(table).find(), table);
        assertTrue(log.contains(" signatures/s"), "no machine speed reading:\n" + log);
        assertNotNull(ImageIO.read(outcome.chart().toFile()), "results.png is no PNG");
    }

    @Test
    void fillsTheStoreBeforeMeasuringWhenAskedToPreload(@TempDir Path out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Bench.Outcome outcome = Bench.run(new String[]{
                "--dialect", "onboard", "--concurrency", "2", "--warmup", "1s", "--warmup-most", "0s", "--duration", "1s", "--preload", "500",
                "--skip-ceiling", "--server-jar", System.getProperty("rotor.server.jar"), "--out", out.toString(), "--allow-noise",
                "--retries", "0"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String log = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, outcome.exitCode(), log);
        assertEquals(1, outcome.figures().size(), log);
        assertEquals("rotor onboard, 500 grants", outcome.figures().get(0)[0], log);
        assertEquals(0L, outcome.figures().get(0)[3], log);
        String preloaded = Files.readString(out.resolve("rotor-onboard-500-preload.log"));
        assertTrue(preloaded.contains("preloaded 500 grants with 1,500 refresh tokens"), preloaded);
    }
}
