package rotor.server.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

import rotor.server.engine.Dialect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * rotor's on/off settings take true or false (or Micronaut's yes/no, on/off, y/n) and nothing
 * else, judged at start. Micronaut reads any other value as false, so ROTOR_STORE_SYNC_COMMITS=1,
 * meant as "on", silently turned the fsync of every commit off.
 */
@Context
public class OnOffSettings {

    static final List<String> NAMES = Stream.concat(
            Stream.of("rotor.store.sync-commits", "rotor.store.template", "rotor.session.debug", "rotor.connections.allow-private-networks",
                    "rotor.metrics.open", "rotor.retention.enabled"),
            // ROTOR_DIALECTS_PARTNER_ROTATION=1 read as false would keep one refresh token for a grant's life.
            Arrays.stream(Dialect.values()).map(dialect -> "rotor.dialects." + dialect.wireName() + ".rotation")).toList();

    /** The words Micronaut reads as true (and their opposites): any other value it reads as false. */
    private static final Set<String> WORDS = Set.of("true", "yes", "y", "on", "false", "no", "n", "off");

    public OnOffSettings(Environment environment) {
        for (String name : NAMES) {
            Optional<String> value = environment.getProperty(name, String.class);
            if (value.isPresent() && !isOnOrOff(value.get())) {
                throw new IllegalStateException(name + " (" + variable(name) + ") must be true or false, not '" + value.get() + "'");
            }
        }
    }

    private static boolean isOnOrOff(String value) {
        return WORDS.contains(value.toLowerCase(Locale.ENGLISH));
    }

    /** The environment variable an operator sets it with: rotor.store.sync-commits is ROTOR_STORE_SYNC_COMMITS. */
    private static String variable(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
