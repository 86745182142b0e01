package org.engagebot.staff.console;

import org.engagebot.testing.TestService;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Drives the console's HTML forms over plain HTTP, keeping its cookies like a browser would. */
final class ConsoleForms {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"[^>]*value=\"([^\"]+)\"");
    private final TestService service;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String forwardedFor;

    ConsoleForms(TestService service) {
        this(service, null);
    }

    /** A browser whose requests carry X-Forwarded-For (for a service told to trust its proxy). */
    ConsoleForms(TestService service, String forwardedFor) {
        this.service = service;
        this.forwardedFor = forwardedFor;
    }

    HttpResponse<String> get(String path) {
        return keep(service.send(builder(path).GET().build()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return keep(service.send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build()));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.url(path)).header("Cookie", cookieHeader());
        return forwardedFor == null ? b : b.header("X-Forwarded-For", forwardedFor);
    }

    HttpResponse<String> signIn(String user, String password) {
        String token = csrf(get("/console/login").body());
        return post("/console/login", Map.of("csrf", token, "username", user, "password", password));
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field in page");
        }
        return m.group(1);
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        response.headers().allValues("set-cookie").forEach(c -> {
            String pair = c.split(";", 2)[0];
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[1].isEmpty() && !c.toLowerCase().contains("max-age=0")) {
                cookies.put(kv[0], kv[1]);
            } else {
                cookies.remove(kv[0]);
            }
        });
        return response;
    }

    private String cookieHeader() {
        String h = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        return h.isEmpty() ? "x=y" : h;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
