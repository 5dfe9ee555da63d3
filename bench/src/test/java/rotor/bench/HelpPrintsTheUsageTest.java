package rotor.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help (or -h) asks for the usage, which main prints with exit code 0; after --jmh they are JMH's. */
class HelpPrintsTheUsageTest {

    @Test
    void helpOrHAnywhereBeforeJmhAsksForTheUsage() {
        assertTrue(Bench.helpAsked(new String[] {"--help"}));
        assertTrue(Bench.helpAsked(new String[] {"--dialect", "partner", "-h"}));
    }

    @Test
    void optionsWithoutItOrAfterJmhDoNot() {
        assertFalse(Bench.helpAsked(new String[] {}));
        assertFalse(Bench.helpAsked(new String[] {"--dialect", "partner"}));
        assertFalse(Bench.helpAsked(new String[] {"--jmh", "-h"}));
    }
}
