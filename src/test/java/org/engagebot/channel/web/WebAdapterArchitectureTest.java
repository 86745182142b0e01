package org.engagebot.channel.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web channel is an adapter, not a second engine: it reaches the conversation only through the inbound pipeline
 * and the engine's neutral, read-only {@code StepView}, so no flow rule (validation, conditions, step order, sessions,
 * summary) can live in it, and every channel gets the engine's improvements at once. Nothing depends on it.
 */
@AnalyzeClasses(packages = "org.engagebot", importOptions = ImportOption.DoNotIncludeTests.class)
class WebAdapterArchitectureTest {
    /** The conversation classes the web adapter may use: messages in and out, the step view, the flow catalogue. */
    private static final Set<String> ENGINE_PUBLIC_API = Set.of("StepView", "StepView$Kind", "StepView$Question",
            "StepView$Row", "StepViews", "Input", "Input$Typed", "Input$Picked", "Input$Command", "Input$Unsupported",
            "Language", "Participant", "Participants", "Messages", "MessageBundle", "Text", "Choice", "FlowRegistry",
            "FlowDefinition");

    private static final DescribedPredicate<JavaClass> FLOW_LOGIC = new DescribedPredicate<>(
            "conversation classes other than the engine's public API " + ENGINE_PUBLIC_API) {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("org.engagebot.conversation")
                    && !ENGINE_PUBLIC_API.contains(c.getName().substring("org.engagebot.conversation.".length()));
        }
    };

    @ArchTest
    static final ArchRule theWebAdapterUsesOnlyTheEnginesPublicApi = noClasses()
            .that().resideInAPackage("org.engagebot.channel.web..")
            .should().dependOnClassesThat(FLOW_LOGIC)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theWebAdapterNeverCallsTheEngineDirectly = noClasses()
            .that().resideInAPackage("org.engagebot.channel.web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Validator")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Reader")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.engagebot.conversation.ConversationEngine")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingElseDependsOnTheWebAdapter = noClasses()
            .that().resideOutsideOfPackage("org.engagebot.channel.web..")
            .should().dependOnClassesThat().resideInAPackage("org.engagebot.channel.web..")
            .allowEmptyShould(false);

    @ArchTest
    static void theWebAdapterExistsAndSendsThroughTheInboundPipeline(JavaClasses classes) {
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("org.engagebot.channel.web"))).isNotEmpty();
        JavaClass turns = classes.get(WebTurns.class);
        assertThat(turns.getDirectDependenciesFromSelf()).anyMatch(d -> d.getTargetClass().getName()
                .equals("org.engagebot.channel.InboundPipeline"));
        for (String name : ENGINE_PUBLIC_API) {
            assertThat(classes.contain("org.engagebot.conversation." + name)).as(name).isTrue();
        }
    }
}
