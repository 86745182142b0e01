package org.engagebot.platform;

import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** /health tells anyone UP or DOWN and staff the details; /prometheus and /metrics are for staff only. */
class EndpointExposureIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anonymousHealthSaysUpOrDownAndNothingAboutTheDatabaseOrDisk() {
        HttpResponse<String> r = anonymous("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"")
                .doesNotContain("details", "engagebot.db", "jdbc", "SQLite", "sqlite", "total", "free", "threshold",
                        service.dir().toString());
    }

    @Test
    void staffSeeTheHealthDetails() {
        HttpResponse<String> r = service.get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"details\"", "jdbc", "diskSpace");
    }

    @Test
    void metricsNeedStaffCredentialsBasicOrBearer() {
        assertThat(anonymous("/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous("/metrics").statusCode()).isEqualTo(401);
        assertThat(anonymous("/metrics/jvm.memory.used").statusCode()).isEqualTo(401);

        HttpResponse<String> basic = service.get("/prometheus");
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.body()).contains("jvm_memory_used_bytes");
        assertThat(service.get("/metrics").statusCode()).isEqualTo(200);

        HttpResponse<String> issued = service.postJson("/api/tokens", "{\"label\": \"prometheus scraper\"}");
        Matcher token = Pattern.compile("(eb_[A-Za-z0-9_-]+)").matcher(issued.body());
        assertThat(token.find()).as(issued.body()).isTrue();
        HttpResponse<String> bearer = service.send(HttpRequest.newBuilder(service.url("/prometheus"))
                .header("Authorization", "Bearer " + token.group(1)).GET().build());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).contains("jvm_memory_used_bytes");
    }

    private static HttpResponse<String> anonymous(String path) {
        return service.send(HttpRequest.newBuilder(service.url(path)).GET().build());
    }
}
