package org.engagebot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guard for the dependency direction: features → conversation and the neutral channel core; channel adapters →
 * anything; nothing → a channel adapter. Rules whose "that" must match something use allowEmptyShould(false), so a
 * misspelt package fails instead of passing.
 */
@AnalyzeClasses(packages = "org.engagebot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FEATURES = {"org.engagebot.contacts..", "org.engagebot.visits..",
            "org.engagebot.newsletters..", "org.engagebot.consultations..", "org.engagebot.privacy..",
            "org.engagebot.events..", "org.engagebot.staff.."};
    private static final String[] ADAPTERS = {"org.engagebot.channel.telegram..", "org.engagebot.channel.email..",
            "org.engagebot.channel.console.."};

    @ArchTest
    static final ArchRule featuresDoNotDependOnChannelAdapters = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule conversationDependsOnNoChannelAndNoFeature = noClasses()
            .that().resideInAPackage("org.engagebot.conversation..")
            .should().dependOnClassesThat().resideInAnyPackage(concat("org.engagebot.channel..", FEATURES))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheTelegramAdapterUsesTelegramClasses = noClasses()
            .that().resideOutsideOfPackage("org.engagebot.channel.telegram..")
            .should().dependOnClassesThat().resideInAPackage("org.engagebot.channel.telegram..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheEmailAdapterUsesEmailClasses = noClasses()
            .that().resideOutsideOfPackage("org.engagebot.channel.email..")
            .should().dependOnClassesThat().resideInAPackage("org.engagebot.channel.email..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheConsoleAdapterAndApplicationUseConsoleClasses = noClasses()
            .that().resideOutsideOfPackage("org.engagebot.channel.console..")
            .and().doNotHaveFullyQualifiedName("org.engagebot.Application")
            .should().dependOnClassesThat().resideInAPackage("org.engagebot.channel.console..")
            .allowEmptyShould(false);

    /** The rules above name packages in "should" too, where an empty match passes silently: these must exist. */
    @ArchTest
    static void packagesTheRulesNameExist(JavaClasses classes) {
        for (String pkg : List.of("conversation", "channel", "channel.telegram", "channel.console", "contacts", "staff",
                "platform", "newsletters.render", "channel.email", "visits")) {
            String name = "org.engagebot." + pkg;
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(name)
                    || c.getPackageName().startsWith(name + ".")))
                    .as("classes in org.engagebot." + pkg).isTrue();
        }
        assertThat(classes.contain("org.engagebot.Application")).isTrue();
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
