package org.engagebot.channel.contract;

import org.engagebot.channel.console.ConsoleChat;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel contract for the terminal chat: the real ConsoleChat reading lines and printing the replies. */
class ConsoleContractIT extends ChannelContract {
    private static final String ME = "terminal-user";
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @Override
    String channel() {
        return "console";
    }

    @Override
    String address() {
        return ME;
    }

    @Override
    TestService startService() {
        return TestService.start(Map.of("engagebot.chat", "true"));
    }

    @Override
    void send(String text) {
        lines.add(text);
    }

    /** Runs the chat over every line sent so far (a fresh terminal each time, as the person would type them). */
    @Override
    List<String> replies(int count) throws Exception {
        screen.reset();
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        lines.clear();
        service.bean(ConsoleChat.class).run(new ByteArrayInputStream(typed),
                new PrintStream(screen, true, StandardCharsets.UTF_8), ME, null);
        printed.addAll(Arrays.stream(screen.toString(StandardCharsets.UTF_8).split("\n> |^> "))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("Engagebot chat.")).toList());
        return List.copyOf(printed);
    }

    private final List<String> printed = new ArrayList<>();

    @Override
    List<String> replies() {
        try {
            return lines.isEmpty() ? List.copyOf(printed) : replies(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chat starts only what it uses: the service's timed jobs and staff bootstrap are not even created. */
    @Test
    void theChatLeavesOutTheServicesJobsAndStaffBootstrap() throws Exception {
        for (String name : List.of("org.engagebot.staff.AdminBootstrap", "org.engagebot.sessions.IdleSessionJob",
                "org.engagebot.events.ReminderJob", "org.engagebot.consultations.ReminderJob",
                "org.engagebot.events.meetings.NoticeJob", "org.engagebot.contacts.identity.ProofPurge")) {
            assertThat(service.context().findBeanDefinition(Class.forName(name))).as(name).isEmpty();
        }
    }

    @Override
    String notRegisteredAnswer() {
        return "We don't have you registered yet";
    }
}
