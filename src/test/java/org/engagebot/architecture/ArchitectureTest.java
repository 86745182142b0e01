package org.engagebot.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guard for the dependency direction: features → conversation, platform and the neutral channel core; channel
 * adapters → features and the core; nothing → a channel adapter; no cycle between top-level folders. Every package a
 * rule names must hold classes ({@link #packagesTheRulesNameExist}), so a misspelt package fails instead of passing.
 * Leaks that exist today are listed by name with the reason ({@link Leaks}); a listed leak that disappears must be
 * struck from its list, so the lists only shrink.
 */
@AnalyzeClasses(packages = "org.engagebot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "org.engagebot.";
    /** Feature folders: each owns its tables and shows a service and records. staff is the console and API. */
    private static final List<String> FEATURE_NAMES = List.of("contacts", "visits", "newsletters", "consultations",
            "privacy", "events", "enquiries", "sessions", "staff");
    private static final String[] FEATURES = FEATURE_NAMES.stream().map(f -> BASE + f + "..").toArray(String[]::new);
    private static final String[] ADAPTERS = {BASE + "channel.telegram..", BASE + "channel.email..",
            BASE + "channel.console..", BASE + "channel.web.."};
    private static final String[] CORE = {BASE + "conversation..", BASE + "platform..", BASE + "channel"};

    /**
     * A feature's public face: besides its records, enums, interfaces (ports such as ErasureParticipant) and
     * exceptions, these classes are what other features may call.
     */
    private static final Set<String> PUBLIC_SERVICES = Set.of(
            "contacts.ContactService", "contacts.ContactImport", "contacts.Areas", "contacts.Profiles",
            "contacts.Reachability", "contacts.OrganisationLists",
            "consultations.ConsultationService", "consultations.ConsultationDesk",
            "events.EventService", "events.meetings.MeetingService", "enquiries.EnquiryService",
            "newsletters.NewsletterService", "newsletters.NewsletterInsights", "newsletters.render.MarkdownRenderer",
            "privacy.ConsentService", "privacy.PrivacyService", "visits.VisitService");

    @ArchTest
    static final ArchRule featuresDoNotDependOnChannelAdapters = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule conversationDependsOnNoChannelAndNoFeature = noClasses()
            .that().resideInAPackage(BASE + "conversation..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(BASE + "channel..", FEATURES))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule channelCoreDependsOnNoFeatureAndNoAdapter = noClasses()
            .that().resideInAPackage(BASE + "channel")
            .should().dependOnClassesThat().resideInAnyPackage(Stream.concat(Arrays.stream(FEATURES),
                    Arrays.stream(ADAPTERS)).toArray(String[]::new))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule platformDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage(BASE + "platform..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(BASE + "channel..",
                    concat(BASE + "conversation..", FEATURES)))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheTelegramAdapterUsesTelegramClasses = noClasses()
            .that().resideOutsideOfPackage(BASE + "channel.telegram..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "channel.telegram..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheEmailAdapterUsesEmailClasses = noClasses()
            .that().resideOutsideOfPackage(BASE + "channel.email..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "channel.email..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheWebAdapterUsesWebClasses = noClasses()
            .that().resideOutsideOfPackage(BASE + "channel.web..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "channel.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheConsoleAdapterAndApplicationUseConsoleClasses = noClasses()
            .that().resideOutsideOfPackage(BASE + "channel.console..")
            .and().doNotHaveFullyQualifiedName(BASE + "Application")
            .should().dependOnClassesThat().resideInAPackage(BASE + "channel.console..")
            .allowEmptyShould(false);

    /**
     * The inbound steps (claim → identify → flood → handle → outbox → mark processed, the apology on failure) are
     * written once, in InboundPipeline; a channel plugs in only its handle step ({@code channel.InboundHandler}).
     */
    @ArchTest
    static final ArchRule onlyTheInboundPipelineClaimsOrFailsInboxMessages = noClasses()
            .that().doNotHaveFullyQualifiedName(BASE + "channel.InboundPipeline")
            .should().callMethod(BASE + "channel.Inbox", "claim", "long")
            .orShould().callMethod(BASE + "channel.Inbox", "markFailed", "long", "java.lang.String")
            .allowEmptyShould(false);

    /**
     * No import cycle between top-level folders. The neutral messaging core (classes directly in channel) is one
     * slice and each adapter (channel.email, channel.telegram, channel.web, channel.console) its own: adapters depend
     * on features, features on the core. With channel.. as one slice this rule fails (consultations → channel
     * core ← channel.email → consultations), which is why the core must stay free of adapter and feature imports.
     */
    @ArchTest
    static final ArchRule topLevelFoldersAreFreeOfCycles = slices().assignedFrom(new TopLevelFolders())
            .should().beFreeOfCycles();

    /**
     * Writes go through platform's Transactions (its writer lock in front of SQLite's single writer) and Db; the
     * transaction manager, the connection manager, DataSource and raw connections stay inside platform.
     */
    @ArchTest
    static void rawTransactionAndConnectionApiOnlyInPlatform(JavaClasses classes) {
        Set<String> raw = Set.of("io.micronaut.transaction.TransactionOperations",
                "io.micronaut.data.connection.ConnectionOperations", "javax.sql.DataSource", "java.sql.Connection",
                "io.micronaut.transaction.annotation.Transactional", "jakarta.transaction.Transactional");
        Leaks.check("raw transaction API outside platform", classes,
                c -> !c.getPackageName().startsWith(BASE + "platform"), t -> raw.contains(t.getName()),
                Map.of());
    }

    /** A feature reaches another only through the other's public face (services, records, ports). */
    @ArchTest
    static void featuresTalkToEachOtherThroughPublicServices(JavaClasses classes) {
        Leaks.check("feature → another feature's internals", classes, c -> feature(c) != null, t -> {
            JavaClass outer = Leaks.outermost(t);
            return feature(t) != null && !PUBLIC_SERVICES.contains(outer.getName().substring(BASE.length()))
                    && !outer.isRecord() && !outer.isEnum() && !outer.isInterface() && !t.isRecord() && !t.isEnum()
                    && !outer.isAssignableTo(RuntimeException.class) && !outer.isAnnotation();
        }, (from, to) -> !feature(from).equals(feature(to)), Map.of());
    }

    /** The rules above name packages in "should" too, where an empty match passes silently: these must exist. */
    @ArchTest
    static void packagesTheRulesNameExist(JavaClasses classes) {
        List<String> named = Stream.of(FEATURES, ADAPTERS, CORE).flatMap(Arrays::stream).toList();
        for (String pattern : named) {
            String pkg = pattern.replace("..", "");
            boolean subpackages = pattern.endsWith("..");
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg)
                    || subpackages && c.getPackageName().startsWith(pkg + ".")))
                    .as("classes in " + pattern).isTrue();
        }
        for (String service : PUBLIC_SERVICES) {
            assertThat(classes.contain(BASE + service)).as("public service " + service).isTrue();
        }
        assertThat(classes.contain(BASE + "Application")).isTrue();
    }

    /** The top-level folder of a feature class, or null. */
    static String feature(JavaClass c) {
        if (!c.getPackageName().startsWith(BASE)) {
            return null;
        }
        String top = c.getPackageName().substring(BASE.length()).split("\\.")[0];
        return FEATURE_NAMES.contains(top) ? top : null;
    }

    /** channel's own classes are the core; channel.x.. is adapter x; everything else its top-level folder. */
    static final class TopLevelFolders implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(BASE)) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring(BASE.length()).split("\\.");
            if (parts[0].equals("channel") && parts.length > 1) {
                return SliceIdentifier.of("channel." + parts[1]);
            }
            return SliceIdentifier.of(parts[0]);
        }

        @Override
        public String getDescription() {
            return "top-level folders of org.engagebot (channel core and each channel adapter apart)";
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Dependency leaks by outermost class, against an explicit list of known ones, each with its reason. */
    static final class Leaks {
        private Leaks() {
        }

        static JavaClass outermost(JavaClass c) {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            return outer;
        }

        static void check(String what, JavaClasses classes, Predicate<JavaClass> from, Predicate<JavaClass> to,
                          Map<String, String> known) {
            check(what, classes, from, to, (a, b) -> true, known);
        }

        static void check(String what, JavaClasses classes, Predicate<JavaClass> from, Predicate<JavaClass> to,
                          java.util.function.BiPredicate<JavaClass, JavaClass> pair, Map<String, String> known) {
            Set<String> found = new TreeSet<>();
            for (JavaClass c : classes) {
                if (generated(c) || !from.test(c)) {
                    continue;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (to.test(target) && pair.test(c, target)) {
                        found.add(name(outermost(c)) + " -> " + name(outermost(target)));
                    }
                }
            }
            Set<String> unlisted = new TreeSet<>(found);
            unlisted.removeAll(known.keySet());
            Set<String> gone = new TreeSet<>(known.keySet());
            gone.removeAll(found);
            assertThat(unlisted).as(what + ": new leaks (fix them, do not list them without an issue)").isEmpty();
            assertThat(gone).as(what + ": listed leaks that no longer occur (strike them from the list)").isEmpty();
        }

        /** Micronaut's bean definitions ($Foo$Definition) repeat their bean's dependencies. */
        private static boolean generated(JavaClass c) {
            return c.getName().contains(".$");
        }

        private static String name(JavaClass c) {
            return c.getName().startsWith(BASE) ? c.getName().substring(BASE.length()) : c.getName();
        }
    }
}
