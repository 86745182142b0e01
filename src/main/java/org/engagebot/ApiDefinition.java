package org.engagebot;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The staff API's OpenAPI description, generated at compile time and served at /swagger/engagebot-staff-api-0.1.0.yml. */
@OpenAPIDefinition(
        info = @Info(title = "Engagebot staff API", version = "0.1.0",
                description = "Contacts, visit applications, newsletters and consultations. Texts a participant reads "
                        + "are objects with en and cy."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class ApiDefinition {
    private ApiDefinition() {
    }
}
