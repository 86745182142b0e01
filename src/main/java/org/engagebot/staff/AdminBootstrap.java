package org.engagebot.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Creates the first admin from ENGAGEBOT_ADMIN_USERNAME / _PASSWORD when no staff account exists yet. */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class AdminBootstrap implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final StaffAccounts accounts;
    private final Optional<String> username;
    private final Optional<String> password;

    AdminBootstrap(StaffAccounts accounts, @Value("${engagebot.admin.username:}") Optional<String> username,
                   @Value("${engagebot.admin.password:}") Optional<String> password) {
        this.accounts = accounts;
        this.username = username.filter(s -> !s.isBlank());
        this.password = password.filter(s -> !s.isBlank());
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.any()) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("No staff account exists: set ENGAGEBOT_ADMIN_USERNAME and ENGAGEBOT_ADMIN_PASSWORD to create the first admin");
            return;
        }
        accounts.create(username.get(), password.get(), StaffAccount.ADMIN);
        LOG.info("Created the first staff admin account");
    }
}
