package org.engagebot.testing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.TimeFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests set or move by hand. In a {@link TestService} it is the service's clock when property
 * {@code engagebot.test.clock} (an instant) is set; fetch it with {@code service.bean(Clock.class)}.
 */
public final class SettableClock extends Clock {
    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
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
