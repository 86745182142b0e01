package org.engagebot.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Logback configured in code (no logback.xml): what the XML said, found by Logback itself at start. */
class LogSetupTest {

    @AfterEach
    void clear() {
        System.clearProperty("ENGAGEBOT_LOG_LEVEL");
        System.clearProperty("logback.configurationFile");
    }

    @Test
    void logbackFindsItAndLogsToTheConsoleWithTheUsualPattern() {
        // no XML left for Logback's Joran to parse at start-up (what this saves); the configuration below is LogSetup's
        assertThat(getClass().getClassLoader().getResource("logback.xml")).isNull();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDOUT")).isInstanceOf(ConsoleAppender.class);
        assertThat(((PatternLayoutEncoder) ((ConsoleAppender<?>) root.getAppender("STDOUT")).getEncoder()).getPattern())
                .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void rootLevelFromEngagebotLogLevelElseInfo() {
        LoggerContext fresh = new LoggerContext();
        assertThat(new LogSetup().configure(fresh)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(fresh.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);

        System.setProperty("ENGAGEBOT_LOG_LEVEL", "warn");
        LoggerContext quiet = new LoggerContext();
        new LogSetup().configure(quiet);
        assertThat(quiet.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "/etc/engagebot/logback.xml");
        LoggerContext context = new LoggerContext();
        assertThat(new LogSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).isNull();
    }
}
