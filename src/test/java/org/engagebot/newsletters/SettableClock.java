package org.engagebot.newsletters;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.TimeFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock an IT sets by hand: the service's clock when property {@code engagebot.test.clock} (an instant) is set. */
final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Factory
    @Requires(property = "engagebot.test.clock")
    static class Install {
        @Singleton
        @Replaces(bean = Clock.class, factory = TimeFactory.class)
        Clock clock(@Value("${engagebot.test.clock}") String start) {
            return new SettableClock(Instant.parse(start));
        }
    }
}
