package org.engagebot.platform.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

/**
 * A body that is not valid JSON gets 400 "Invalid JSON" and nothing more: the parser's message quotes the
 * sender's bytes back and names library internals.
 */
@Singleton
@Produces
@Replaces(JsonExceptionHandler.class)
class InvalidJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    InvalidJsonHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
        return badRequest(errors, request, "Invalid JSON");
    }

    static HttpResponse<?> badRequest(ErrorResponseProcessor<?> errors, HttpRequest<?> request, String message) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(message).build(), HttpResponse.badRequest());
    }
}
