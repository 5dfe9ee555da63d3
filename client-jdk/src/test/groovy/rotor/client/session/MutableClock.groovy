package rotor.client.session

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock the spec moves by hand. */
class MutableClock extends Clock {

    volatile Instant now = Instant.parse('2026-01-01T00:00:00Z')

    void advance(Duration by) {
        now = now + by
    }

    @Override
    ZoneId getZone() { ZoneOffset.UTC }

    @Override
    Clock withZone(ZoneId zone) { this }

    @Override
    Instant instant() { now }
}
