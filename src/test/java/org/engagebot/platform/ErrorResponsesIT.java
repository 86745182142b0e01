package org.engagebot.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** No response body carries an exception's text: a bug answers 500 with an error id, bad input a plain 400. */
class ErrorResponsesIT {
    private TestService service;
    private ListAppender<ILoggingEvent> log;
    private Logger handlerLogger;

    @BeforeEach
    void start() {
        service = TestService.start(Map.of("test.failing-controller", "true"));
        handlerLogger = (Logger) LoggerFactory.getLogger("org.engagebot.platform.errors.UnexpectedErrorHandler");
        log = new ListAppender<>();
        log.start();
        handlerLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        handlerLogger.detachAppender(log);
        service.close();
    }

    @Test
    void aFailureAnswers500WithOnlyAnErrorIdWhichTheLogTiesToTheStackTrace() {
        HttpResponse<String> r = service.send(HttpRequest.newBuilder(service.url("/test-only/fail?email=jane@x.org")).GET().build());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("Internal Server Error").doesNotContain("helpinghands", "IllegalState", "lookup");
        Matcher id = Pattern.compile("error id ([0-9a-f-]{36})").matcher(r.body());
        assertThat(id.find()).as(r.body()).isTrue();
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains(id.group(1), "GET /test-only/fail").doesNotContain("jane@x.org");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo(FailingController.SECRET);
        });
    }

    @Test
    void aPageWhoseTemplateFailsAnswers500InsteadOfHanging() {
        HttpResponse<String> r = service.send(HttpRequest.newBuilder(service.url("/test-only/broken-page"))
                .timeout(java.time.Duration.ofSeconds(10)).GET().build());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("error id").doesNotContain("helpinghands", "noSuchProperty", "SpEL", "Exception");
    }

    @Test
    void aBrowserGetsTheFailureAsAPageInBothLanguagesWithTheErrorId() {
        HttpResponse<String> r = service.send(HttpRequest.newBuilder(service.url("/test-only/broken-page"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(java.time.Duration.ofSeconds(10)).GET().build());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("Sorry, something went wrong", "aeth rhywbeth o’i le")
                .doesNotContain("helpinghands", "noSuchProperty", "Exception");
        Matcher id = Pattern.compile("<strong>([0-9a-f-]{36})</strong>").matcher(r.body());
        assertThat(id.find()).as(r.body()).isTrue();
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(id.group(1)));
    }

    @Test
    void brokenJsonAnswers400WithoutTheParsersMessage() {
        HttpResponse<String> r = service.postJson("/api/tokens", "{\"label\": \"<script>x");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid JSON").doesNotContain("script", "Unexpected", "end-of-input", "Source");
    }

    @Test
    void aValueOfTheWrongTypeAnswers400NamingOnlyTheArgument() {
        HttpResponse<String> r = service.post("/api/newsletters/x1y2/send", "application/json", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid value for id").doesNotContain("For input string", "Failed to convert");
    }
}
