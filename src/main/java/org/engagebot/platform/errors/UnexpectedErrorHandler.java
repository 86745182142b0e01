package org.engagebot.platform.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Whatever no more specific handler takes becomes a 500 that says only "Internal Server Error" and an error id;
 * the id, the method, the path (never the query string, which may hold an email address) and the stack trace go
 * to the log. Micronaut's default answer would put the exception's message in the body. A browser gets a page
 * saying the same in Welsh and English.
 */
@Singleton
@Produces
class UnexpectedErrorHandler implements ExceptionHandler<Throwable, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ErrorResponseProcessor<?> errors;
    private final HtmlPages pages;

    UnexpectedErrorHandler(ErrorResponseProcessor<?> errors, HtmlPages pages) {
        this.errors = errors;
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Throwable failure) {
        String id = UUID.randomUUID().toString();
        LOG.error("Request failed, error id {}: {} {}", id, request.getMethodName(), request.getPath(), failure);
        if (HtmlPages.wantsPage(request)) {
            var page = pages.render(HttpStatus.INTERNAL_SERVER_ERROR, "error", Map.of("errorId", id), request);
            if (page.isPresent()) {
                return page.get();
            }
        }
        return errors.processResponse(ErrorContext.builder(request)
                .errorMessage("Internal Server Error (error id " + id + ")").build(), HttpResponse.serverError());
    }
}
