package org.engagebot.platform.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Pages for answers that come from an error handler, where Micronaut's views filter does not run: the view is
 * rendered here, whole, into the body. Empty when it cannot be, so the caller falls back to its plain answer.
 */
@Singleton
public class HtmlPages {
    private final ViewsRendererLocator views;

    HtmlPages(ViewsRendererLocator views) {
        this.views = views;
    }

    /** True when a browser asked for a page (not the API, not a client that asked only for JSON). */
    public static boolean wantsPage(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return false;
        }
        return request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
    }

    public Optional<HttpResponse<String>> render(HttpStatus status, String view, Object model, HttpRequest<?> request) {
        try {
            Optional<ViewsRenderer> renderer = views.resolveViewsRenderer(view, MediaType.TEXT_HTML, model);
            if (renderer.isEmpty()) {
                return Optional.empty();
            }
            StringWriter html = new StringWriter();
            @SuppressWarnings("unchecked")
            ViewsRenderer<Object, HttpRequest<?>> r = (ViewsRenderer<Object, HttpRequest<?>>) renderer.get();
            r.render(view, model, request).writeTo(html);
            return Optional.of(HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
