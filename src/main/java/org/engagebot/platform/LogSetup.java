package org.engagebot.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration in code, found through the ServiceLoader before Logback looks for logback.xml: parsing
 * XML with Joran was about 5% of the main thread's start-up (the SAX parser, Joran's rules and their lambdas),
 * paid by every start, the terminal chat's too. Same output as the logback.xml it replaces: one console appender,
 * HH:mm:ss.SSS LEVEL logger - message; Flyway and Hikari at WARN; the root at ENGAGEBOT_LOG_LEVEL (system property
 * or environment, default info). A file named by -Dlogback.configurationFile still wins (Joran reads it then).
 */
public class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(rootLevel(), Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static String rootLevel() {
        String level = System.getProperty("ENGAGEBOT_LOG_LEVEL", System.getenv("ENGAGEBOT_LOG_LEVEL"));
        return level == null || level.isBlank() ? "info" : level.strip();
    }
}
