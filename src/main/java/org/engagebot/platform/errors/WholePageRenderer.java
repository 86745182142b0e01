package org.engagebot.platform.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page whole before the response starts. Thymeleaf's own renderer writes while Netty sends the response,
 * so a template that failed half-way left the request hanging with no status at all; rendered here, the failure
 * reaches the error handlers like any other and the visitor gets a 500 page with an error id.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class WholePageRenderer<T> extends ThymeleafViewsRenderer<T> {
    WholePageRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                      ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter html = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String page = html.toString();
        return out -> out.write(page);
    }
}
