package org.engagebot.staff.console;

import jakarta.inject.Singleton;
import org.engagebot.channel.ChannelSetup;

import java.util.List;

/** Which outbound channels are set up (each adapter says, through {@link ChannelSetup}), so staff are warned first. */
@Singleton
class ConfiguredChannels {
    private final List<ChannelSetup> setups;

    ConfiguredChannels(List<ChannelSetup> setups) {
        this.setups = setups;
    }

    boolean email() {
        return sends("email");
    }

    boolean telegram() {
        return sends("telegram");
    }

    private boolean sends(String channel) {
        return setups.stream().anyMatch(s -> s.channel().equals(channel) && s.canSend());
    }
}
