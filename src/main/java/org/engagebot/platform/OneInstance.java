package org.engagebot.platform;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job that must run on one instance at a time (newsletter scheduling, reminders, retention, purges):
 * the call goes ahead only on the instance that holds the job's lease ({@link Leases}); elsewhere it returns at
 * once (null for a result). On SQLite, always.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface OneInstance {
}
