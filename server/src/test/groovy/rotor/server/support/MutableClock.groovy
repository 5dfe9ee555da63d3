package rotor.server.support

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock a spec moves by hand. */
class MutableClock extends Clock {

    volatile Instant now

    MutableClock(Instant start) {
        now = start
    }

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
