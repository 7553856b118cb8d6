package org.poseanalytics.web.api;

import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.subject.InvolvedSide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON of the records the API answers with as they are (subjects, sessions): an exercise as its id ("squat") and
 * an involved side as its code ("left"), the words the API's parameters and the command line take, not Java's
 * constant names. The library modules know nothing of JSON, so it is said here.
 */
@Configuration
class ApiJson {
    @Bean
    JacksonModule apiIdentifiers() {
        SimpleModule module = new SimpleModule("pose-analytics-ids");
        module.addSerializer(Exercise.class, new ValueSerializer<>() {
            @Override
            public void serialize(Exercise value, JsonGenerator gen, SerializationContext ctxt) { gen.writeString(value.id()); }
        });
        module.addSerializer(InvolvedSide.class, new ValueSerializer<>() {
            @Override
            public void serialize(InvolvedSide value, JsonGenerator gen, SerializationContext ctxt) { gen.writeString(value.code()); }
        });
        return module;
    }
}
