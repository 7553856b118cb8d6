package org.poseanalytics.archfixture.purelibrary;

import java.util.List;

/** Control: a library class that uses only the JDK's plain types. */
public class Pure {
    public double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
