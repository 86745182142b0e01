package org.engagebot.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** As {@link InvalidJsonHandler}, for Jackson's own exception type (thrown by jackson-core under serde). */
@Singleton
@Produces
@Replaces(JacksonExceptionHandler.class)
@Requires(classes = JsonProcessingException.class)
class InvalidJacksonHandler implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    InvalidJacksonHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
        return InvalidJsonHandler.badRequest(errors, request, "Invalid JSON");
    }
}
