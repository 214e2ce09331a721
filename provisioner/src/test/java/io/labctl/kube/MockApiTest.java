package io.labctl.kube;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * Marks a class of the mock API server tier (unit tests against fabric8's mock API server, one server per class):
 * tagged "mock-api" ({@code -Dlabctl.test.groups=mock-api} runs the tier alone); run beside the other such classes
 * (see junit-platform.properties), since their time goes to HTTP round trips and watches rather than to the CPU; and
 * its own tests one at a time, since they share the class's server (a lock of the class's own, which JUnit holds
 * for the whole class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mock-api")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = MockApiTest.OwnServer.class)
public @interface MockApiTest {

    /** One lock per test class: no two classes wait for each other, no two tests of a class run at once. */
    final class OwnServer implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("the mock API server of " + testClass.getName()));
        }
    }
}
