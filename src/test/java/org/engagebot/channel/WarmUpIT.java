package org.engagebot.channel;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationUtil;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.FlowActionNames;
import org.engagebot.conversation.FlowDefinitionException;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up checks the flows against the actions' names before the server listens, and creates the actions and their
 * services on the warm-up thread after it: /health tells staff how far that got, and a flow naming an action that
 * does not exist still stops the start.
 */
class WarmUpIT {
    @TempDir
    Path dir;

    @Test
    void afterTheServerListensTheWarmUpCreatesTheEngineAndHealthSaysReady() throws Exception {
        try (TestService service = TestService.start()) {
            WarmUp warmUp = service.bean(WarmUp.class);
            assertThat(warmUp.await(Duration.ofMinutes(2))).isTrue();
            assertThat(warmUp.state()).isEqualTo(WarmUp.State.READY);

            HttpResponse<String> health = service.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"warm-up\"", "\"state\":\"ready\"");
        }
    }

    @Test
    void everyFlowActionIsQualifiedByItsOwnName() {
        try (TestService service = TestService.start()) {
            ApplicationContext ctx = service.context();
            assertThat(ctx.getBean(FlowActionNames.class).names()).isNotEmpty();
            for (BeanDefinition<FlowAction> definition : ctx.getBeanDefinitions(FlowAction.class)) {
                FlowAction action = ctx.getBean(definition);
                assertThat(definition.stringValue(AnnotationUtil.NAMED)).as(definition.getBeanType().getName())
                        .contains(action.name());
            }
            assertThat(ctx.getBean(FlowActionNames.class).names())
                    .containsExactlyInAnyOrderElementsOf(
                            ctx.getBeansOfType(FlowAction.class).stream().map(FlowAction::name).toList());
        }
    }

    @Test
    void aFlowNamingAMissingActionStopsTheStartBeforeTheServerListens() throws IOException {
        Path flows = dir.resolve("conversations");
        Files.createDirectories(flows.resolve("lists"));
        try (Stream<Path> files = Files.walk(Path.of("conversations"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, flows.resolve(Path.of("conversations").relativize(f).toString()));
            }
        }
        Path visit = flows.resolve("visit-application.yaml");
        Files.writeString(visit,
                Files.readString(visit).replaceFirst("(?m)^action:\\s*\\S+", "action: no-such-action"));
        Map<String, Object> props = new HashMap<>(TestDatabase.properties(dir));
        props.put("micronaut.server.port", -1);
        props.put("engagebot.flows.dir", flows.toString());

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, props).close())
                .hasRootCauseInstanceOf(FlowDefinitionException.class)
                .rootCause().hasMessageContaining("visit-application.yaml:1: action 'no-such-action' is not one of");
    }
}
