package org.engagebot.platform;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock the service reads; tests replace it to move time. */
@Factory
public class TimeFactory {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
