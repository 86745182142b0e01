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
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import org.engagebot.platform.errors.HtmlPages;

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
    private final PageModel model;
    private final HtmlPages pages;

    TooLargeFormHandler(ErrorResponseProcessor<?> errors, WebRequests web, PageModel model, HtmlPages pages) {
        this.errors = errors;
        this.web = web;
        this.model = model;
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
        String path = request.getPath();
        if (path.startsWith("/forms")) {
            MutableHttpResponse<?> page = model.notice(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    web.visitor(request).language(), path, "web.too-large.heading", "web.too-large", path, "web.too-large.back");
            ModelAndView<?> view = (ModelAndView<?>) page.body();
            Optional<HttpResponse<String>> html = pages.render(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    view.getView().orElseThrow(), view.getModel().orElse(null), request);
            if (html.isPresent()) {
                return html.get();
            }
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
