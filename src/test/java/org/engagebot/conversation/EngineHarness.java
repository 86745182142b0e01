package org.engagebot.conversation;

import org.engagebot.testing.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ConversationEngine} built by hand, without a Micronaut context: test flows (profile, visit, quick)
 * copied into a temp folder, sessions and languages in memory, a clock the test moves, recording actions.
 */
final class EngineHarness {
    static final Instant START = Instant.parse("2027-03-10T09:00:00Z");
    static final Duration IDLE_TIMEOUT = Duration.ofHours(24);
    static final String GENERATED = "generated-1";

    final SettableClock clock = new SettableClock(START);
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final Map<Long, Language> chosenLanguages = new HashMap<>();
    final Map<Long, Map<String, String>> known = new HashMap<>();
    final List<FlowAction.Completion> completions = new ArrayList<>();
    final Messages messages = new Messages(List.of());
    final ConversationEngine engine;
    private final FlowRegistry flows;

    FlowRegistry flows() {
        return flows;
    }

    EngineHarness(Path tempDir) throws IOException {
        this(tempDir, false);
    }

    /**
     * @param shipped the flows shipped in conversations/ (with their lists) and the test profile flow, instead of
     *                the test flows
     */
    EngineHarness(Path tempDir, boolean shipped) throws IOException {
        List<String> names = shipped ? List.of("profile.yaml") : List.of("profile.yaml", "visit.yaml", "quick.yaml");
        for (String name : names) {
            try (InputStream in = EngineHarness.class.getResourceAsStream("flows/" + name)) {
                Files.copy(in, tempDir.resolve(name));
            }
        }
        if (shipped) {
            copyShipped(tempDir);
        }
        List<FlowAction> actions = new ArrayList<>(List.of(action("save-profile"), action("save-visit"),
                action("save-quick"), action("save-generated")));
        if (shipped) {
            shippedActions().forEach(name -> actions.add(action(name)));
        }
        List<CommandHandler> handlers = List.of(new PingHandler());
        FlowRegistry flows = new FlowRegistry(tempDir.toString(), actions, List.of(EngineHarness::generated));
        this.flows = flows;
        ChoiceReader choices = new ChoiceReader(messages);
        AnswerReader reader = new AnswerReader(new AnswerValidator(messages, clock, choices), messages);
        Prompter prompter = new Prompter(messages, flows, handlers);
        FlowRunner runner = new FlowRunner(sessions, flows, prompter, reader, messages,
                new FlowCompleter(actions, sessions), List.of(p -> known.getOrDefault(p.id(), Map.of())));
        engine = new ConversationEngine(sessions, chosenLanguages::put, flows, runner, prompter, messages, handlers,
                clock, IDLE_TIMEOUT);
    }

    /** The actions the shipped flows name, each recorded like the test flows' actions. */
    private static java.util.Set<String> shippedActions() throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^action:\\s*(\\S+)")
                        .matcher(Files.readString(f));
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static void copyShipped(Path to) throws IOException {
        Path from = Path.of("conversations");
        Files.createDirectories(to.resolve("lists"));
        try (var files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    /** A chat participant (Telegram-like: language first) whose language is already chosen, or null. */
    Chat chat(long id, Language language) {
        if (language != null) {
            chosenLanguages.put(id, language);
        }
        return new Chat(id, true);
    }

    /** An email-like participant: no language gate. */
    Chat mail(long id) {
        return new Chat(id, false);
    }

    FlowAction.Completion onlyCompletion() {
        assertThat(completions).hasSize(1);
        return completions.get(0);
    }

    String en(String key, Object... args) {
        return messages.get(key, args).en();
    }

    String cy(String key, Object... args) {
        return messages.get(key, args).cy();
    }

    final class Chat {
        final long id;
        private final boolean languageFirst;

        private Chat(long id, boolean languageFirst) {
            this.id = id;
            this.languageFirst = languageFirst;
        }

        Reply send(String text) {
            return handle(Input.fromText(text));
        }

        Reply tap(String value) {
            return handle(new Input.Picked(value));
        }

        Reply handle(Input input) {
            Participant p = new Participant(id, "test", "address-" + id, chosenLanguages.get(id), null);
            List<Reply> replies = engine.handle(p, input, languageFirst);
            assertThat(replies).as("one reply per turn").hasSize(1);
            return replies.get(0);
        }

        /** Sends each answer in turn; returns the last reply. */
        Reply answers(String... texts) {
            Reply last = null;
            for (String t : texts) {
                last = send(t);
            }
            return last;
        }

        Optional<Session> session() {
            return sessions.find(id);
        }

        String step() {
            return session().map(Session::stepId).orElse(null);
        }

        Language language() {
            return chosenLanguages.get(id);
        }
    }

    private FlowAction action(String name) {
        return new FlowAction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome complete(Completion completion) {
                completions.add(completion);
                return Outcome.of(Text.of("Saved " + name + ".", "Cadwyd " + name + "."));
            }
        };
    }

    private static Optional<FlowDefinition> generated(String id) {
        if (!id.equals(GENERATED)) {
            return Optional.empty();
        }
        Step opinion = new Step("opinion", new StepType.FreeText(1, 500), Text.of("Your opinion?", "Eich barn?"),
                Text.of("Opinion", "Barn"), null, false, null, null);
        return Optional.of(new FlowDefinition(GENERATED, "generated", Text.of("Consultation", "Ymgynghoriad"), null,
                List.of(), List.of(), false, true, "save-generated", List.of(opinion)));
    }

    /**
     * /ping answers (and stands in for /unsubscribe and /mydata); /consult starts the generated flow; /broadcast starts
     * the staff broadcast flow (everyone is staff here).
     */
    private static final class PingHandler implements CommandHandler {
        @Override
        public Set<String> commands() {
            return Set.of("ping", "consult", "broadcast", "unsubscribe", "mydata");
        }

        @Override
        public Result handle(Participant participant, String command, String argument) {
            if (command.equals("broadcast")) {
                return Result.startFlow("broadcast");
            }
            if (command.equals("consult")) {
                return Result.startFlow(GENERATED, Text.of("Consultation open.", "Ymgynghoriad ar agor."));
            }
            String said = command.equals("ping") ? argument : command;
            return Result.say(Text.of("Pong " + said, "Pong cy " + said));
        }

        @Override
        public List<Option> menuEntries() {
            return List.of(new Option("/ping", Text.of("Ping", "Ping")));
        }
    }
}
