package org.engagebot.conversation;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.AnnotationUtil;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the flow actions there are, read from their bean definitions' {@code @Named} qualifiers: the start-up
 * check of the flows needs only these, and creating the actions would create every service they take (a third of the
 * start-up's main thread). {@link FlowCompleter} checks, when it takes the actions, that each one's {@code name()}
 * is its qualifier.
 */
@Singleton
public class FlowActionNames {
    private final Set<String> names;

    FlowActionNames(BeanContext context) {
        Set<String> found = new TreeSet<>();
        for (BeanDefinition<FlowAction> definition : context.getBeanDefinitions(FlowAction.class)) {
            String name = definition.stringValue(AnnotationUtil.NAMED).orElseThrow(() -> new FlowDefinitionException(
                    definition.getBeanType().getName() + " is a flow action without @Named(its name)"));
            found.add(name);
        }
        this.names = Set.copyOf(found);
    }

    private FlowActionNames(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** For tests and tools that have the actions themselves. */
    public static FlowActionNames of(java.util.Collection<? extends FlowAction> actions) {
        Set<String> names = new TreeSet<>();
        actions.forEach(a -> names.add(a.name()));
        return new FlowActionNames(names);
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    public Set<String> names() {
        return names;
    }
}
