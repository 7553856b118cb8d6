package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.web.UserInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The pose models a user may ask for: the BlazePose variants, and HRNet weights the operator configured by name
 * ({@code pose.models.hrnet.NAME=/path/to/weights.onnx}). A request names a model, never a file: the path stays in
 * the server's configuration and out of every answer. Web and worker nodes read the same properties.
 */
@Component
public class PoseModelChoices {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final String defaultModel;
    private final Map<String, String> hrnetWeights;

    @Autowired
    PoseModelChoices(Environment env, @Value("${pose.model:blazepose-full}") String defaultModel) {
        this(Binder.get(env).bind("pose.models.hrnet", Bindable.mapOf(String.class, String.class)).orElse(Map.of()), defaultModel);
    }

    PoseModelChoices(Map<String, String> hrnetWeights, String defaultModel) {
        this.defaultModel = defaultModel;
        Map<String, String> weights = new LinkedHashMap<>();
        hrnetWeights.forEach((name, path) -> {
            if (!NAME.matcher(name).matches() || PoseModels.names().contains(name)) {
                throw new IllegalArgumentException("pose.models.hrnet." + name + ": a model name is lower-case letters, digits,"
                        + " '.', '-' or '_' and not one of " + PoseModels.names());
            }
            weights.put(name, path);
        });
        this.hrnetWeights = Map.copyOf(weights);
    }

    /** What a user may choose, in the order to offer it. */
    public List<String> names() {
        List<String> names = new ArrayList<>(PoseModels.names());
        hrnetWeights.keySet().stream().sorted().forEach(names::add);
        return names;
    }

    /**
     * A user's choice checked against the offer; blank is "the workers' default" (null).
     *
     * @throws UserInputException for anything else, without echoing it (it may be a path someone tried)
     */
    public String offered(String requested) {
        if (requested == null || requested.isBlank()) return null;
        String name = requested.strip();
        if (!names().contains(name)) {
            throw new UserInputException("That pose model is not offered here. Choose one of: " + String.join(", ", names()) + ".");
        }
        return name;
    }

    /**
     * What the pipeline opens for a job's model: the name itself for BlazePose, {@code hrnet=PATH} for a configured
     * HRNet, this node's {@code pose.model} for null. A job naming something this node does not offer (e.g. queued
     * before an operator removed it, or a path stored by an older version) fails with a message that names no file.
     */
    public String forPipeline(String model) throws AnalysisException {
        if (model == null) return Optional.ofNullable(hrnetWeights.get(defaultModel)).map(p -> PoseModels.HRNET_PREFIX + p).orElse(defaultModel);
        if (PoseModels.names().contains(model)) return model;
        String weights = hrnetWeights.get(model);
        if (weights == null) {
            throw new AnalysisException(AnalysisException.Kind.MODEL_UNAVAILABLE,
                    "this job asks for a pose model that this worker does not offer (" + String.join(", ", names()) + ")");
        }
        return PoseModels.HRNET_PREFIX + weights;
    }
}
