package org.engagebot.channel.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

/**
 * A body over the server's size limit, sent to a question page, gets the form's own page in the visitor's language
 * (413), not the JSON error an API client gets; everything else keeps the JSON answer.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
class TooLargeFormHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;
    private final WebRequests web;
    private final PageModel pages;
    private final ViewsRendererLocator views;

    TooLargeFormHandler(ErrorResponseProcessor<?> errors, WebRequests web, PageModel pages, ViewsRendererLocator views) {
        this.views = views;
        this.errors = errors;
        this.web = web;
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
        String path = request.getPath();
        if (path.startsWith("/forms")) {
            MutableHttpResponse<?> page = pages.notice(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    web.visitor(request).language(), path, "web.too-large.heading", "web.too-large", path, "web.too-large.back");
            // Views are rendered by a filter for routes' answers only, so an error handler renders its own.
            ModelAndView<?> view = (ModelAndView<?>) page.body();
            Object model = view.getModel().orElse(null);
            String name = view.getView().orElseThrow();
            Optional<ViewsRenderer> renderer = views.resolveViewsRenderer(name, MediaType.TEXT_HTML, model);
            if (renderer.isPresent()) {
                StringWriter html = new StringWriter();
                try {
                    renderer.get().render(name, model, request).writeTo(html);
                    return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).contentType(MediaType.TEXT_HTML_TYPE)
                            .body(html.toString());
                } catch (IOException ignored) {
                    // fall through to the plain answer
                }
            }
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
