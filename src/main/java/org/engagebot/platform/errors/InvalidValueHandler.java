package org.engagebot.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

/**
 * A path, query or body value of the wrong type gets 400 naming the argument only (or "Invalid JSON" for a body
 * that does not parse); Micronaut's default repeats the value and the converter's exception message.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class InvalidValueHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    InvalidValueHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        return InvalidJsonHandler.badRequest(errors, request, unreadableBody(exception) ? "Invalid JSON"
                : "Invalid value for " + exception.getArgument().getName());
    }

    private static boolean unreadableBody(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof JsonSyntaxException || c instanceof JsonProcessingException || c instanceof CodecException
                    || c instanceof SerdeException) {
                return true;
            }
        }
        return false;
    }
}
