package org.engagebot.testing.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person at the web forms with a plain HTTP client (no browser, no script): keeps the session cookie, follows
 * redirects, reads each page with jsoup and posts its one form back with its hidden fields, as a browser would.
 * Used by the web ITs and the load driver.
 */
public final class WebFormClient {
    private final URI base;
    private final HttpClient http;

    private final CookieManager cookies;

    public WebFormClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebFormClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser (its cookies) talking to a service that came back on another port, as after a restart. */
    public WebFormClient rebase(URI newBase) {
        CookieManager moved = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        cookies.getCookieStore().getCookies().forEach(c -> moved.getCookieStore().add(newBase, c));
        return new WebFormClient(newBase, moved);
    }

    /** Another browser holding a copy of this one's cookies (a cookie planted in it, or copied from it). */
    public WebFormClient copy() {
        return rebase(base);
    }

    /** A page as received: status, parsed document, and how long the request took. */
    public record Page(int status, Document doc, URI uri, long nanos) {
        public String heading() {
            Element h1 = doc.selectFirst("h1");
            return h1 == null ? "" : h1.text();
        }

        public Element form() {
            return doc.selectFirst("form[method=post]");
        }

        /** The error summary's reasons, empty when there is none. */
        public List<String> errors() {
            return doc.select(".eb-error-summary-list li").eachText();
        }

        /** The value of the option whose label is {@code label} (radios or checkboxes). */
        public String option(String label) {
            for (Element input : doc.select("input[name=answer]")) {
                Element l = doc.selectFirst("label[for=" + input.id() + "]");
                if (l != null && l.text().equals(label)) {
                    return input.attr("value");
                }
            }
            throw new IllegalStateException("No option '" + label + "' on " + heading());
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Posts the page's form with its hidden fields, the given fields, and the button {@code action}. */
    public Page submit(Page page, String action, Map<String, List<String>> fields) {
        Element form = page.form();
        List<String> pairs = new ArrayList<>();
        for (Element hidden : form.select("input[type=hidden]")) {
            pairs.add(enc(hidden.attr("name")) + "=" + enc(hidden.attr("value")));
        }
        fields.forEach((name, values) -> values.forEach(v -> pairs.add(enc(name) + "=" + enc(v))));
        if (action != null) {
            pairs.add("action=" + enc(action));
        }
        URI target = page.uri().resolve(form.attr("action").isEmpty() ? page.uri().getPath() : form.attr("action"));
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    /** Posts the page's form with its hidden fields and {@code encoded} appended as it is (bytes a browser would not send). */
    public Page submitRaw(Page page, String encoded) {
        Element form = page.form();
        List<String> pairs = new ArrayList<>();
        for (Element hidden : form.select("input[type=hidden]")) {
            pairs.add(enc(hidden.attr("name")) + "=" + enc(hidden.attr("value")));
        }
        pairs.add(encoded);
        URI target = page.uri().resolve(form.attr("action").isEmpty() ? page.uri().getPath() : form.attr("action"));
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    /** Presses the page's "Back" button, a submit button of the page's one form (by its form attribute), as a browser would. */
    public Page back(Page page) {
        return press(page, "back");
    }

    /**
     * Presses the button {@code id} (Back, a Change button on check your answers): a submit button outside the page's
     * one form that belongs to it by its form attribute, so the browser posts that form with the button's value.
     */
    public Page press(Page page, String id) {
        Element button = page.doc().getElementById(id);
        if (button == null || !button.tagName().equals("button") || !button.attr("form").equals(page.form().id())
                || !button.attr("type").equals("submit")) {
            throw new IllegalStateException("No button #" + id + " of the page's form on " + page.heading());
        }
        return submit(page, button.attr("value"), Map.of());
    }

    public Page answer(Page page, String... values) {
        return submit(page, "continue", Map.of("answer", List.of(values)));
    }

    private Page send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), Jsoup.parse(r.body(), r.uri().toString()), r.uri(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static Map<String, List<String>> fields(String... nameValues) {
        return java.util.stream.IntStream.range(0, nameValues.length / 2).boxed().collect(Collectors.toMap(
                i -> nameValues[2 * i], i -> List.of(nameValues[2 * i + 1]), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
