package org.poseanalytics.web.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs the test classes that share the browser app ({@link BrowserTest}) together, then those that start a web app of
 * their own ({@code @SpringBootTest} on the class itself, e.g. one configured as behind a TLS proxy), before those that
 * start the other web app ({@code AppTestBase}); then the rest, each group in {@code @Order} and then name order.
 *
 * <p>Why: every web application context installs its own Vaadin security-context strategy as the JVM-wide one.
 * Once a second web app has started, a test of the first sets its user where the first app's method security no
 * longer looks ("An Authentication object was not found"). Keeping each app's tests together avoids going back.
 * The first-run journey ({@code @Order(1)}) still comes first: it needs the browser app's database without a clinic.
 */
public class SpringContextOrder implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SpringContextOrder::group)
                .thenComparingInt(SpringContextOrder::order)
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static int group(ClassDescriptor d) {
        if (BrowserTest.class.isAssignableFrom(d.getTestClass())) return 0;
        return d.getTestClass().getDeclaredAnnotation(SpringBootTest.class) != null ? 1 : 2;
    }

    private static int order(ClassDescriptor d) {
        return d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT);
    }
}
