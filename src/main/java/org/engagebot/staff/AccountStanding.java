package org.engagebot.staff;

import jakarta.inject.Singleton;
import org.engagebot.platform.StaffStanding;

import java.time.Clock;
import java.util.OptionalLong;

/** {@link StaffStanding} from the accounts table. */
@Singleton
class AccountStanding implements StaffStanding {
    private final StaffAccounts accounts;
    private final Clock clock;

    AccountStanding(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public OptionalLong epoch(String username) {
        return accounts.find(username).filter(a -> a.usable(clock.instant()))
                .map(a -> OptionalLong.of(a.authEpoch())).orElse(OptionalLong.empty());
    }
}
