package org.engagebot.conversation;

/** A feature's own message bundle: i18n/{baseName}_en.properties and _cy.properties on the classpath. */
public interface MessageBundle {
    String baseName();
}
