package org.poseanalytics.web.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * An external PostgreSQL (POSE_DB_URL) with a schema owner of its own (POSE_DB_OWNER, POSE_DB_OWNER_PASSWORD): the
 * migrations run as that owner, and {@link DatabasePrivileges} grants the app's user (POSE_DB_USER) its part. Without
 * an owner, everything runs as the app's user, which then owns the tables (and the audit log); see docs/DATABASE.md.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfig.ExternalDatabase.class)
class ExternalDatabaseConfig {
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(@Value("${spring.datasource.url}") String url,
                                                    @Value("${pose.db.owner:}") String owner,
                                                    @Value("${pose.db.owner-password:}") String password) {
        return configuration -> {
            if (!owner.isBlank()) configuration.dataSource(url, owner, password);
        };
    }

    static class ExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new EmbeddedDatabaseConfig.NoExternalDatabase().matches(context, metadata);
        }
    }
}
