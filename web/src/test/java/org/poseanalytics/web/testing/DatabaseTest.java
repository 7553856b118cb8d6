package org.poseanalytics.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application without its web server, on a real embedded PostgreSQL in a fresh directory per test JVM (one
 * server shared by every test class with this configuration, through Spring's context cache).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        // as on a worker node: no servlet context, so no Vaadin
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig"})
public abstract class DatabaseTest {
    public static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("pose-analytics-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pose.data-dir", DATA_DIR::toString);
    }
}
