package org.poseanalytics.web.analysis;

/**
 * Where the time of one analysis went, in seconds; {@code storeS} is writing the results into the database.
 * A part the pipeline did not report is NaN.
 */
public record Timings(double decodeS, double inferenceS, double trackingS, double kinematicsS, double totalS,
                      double framesPerS, double storeS) {

    public Timings withStore(double seconds) {
        return new Timings(decodeS, inferenceS, trackingS, kinematicsS, totalS, framesPerS, seconds);
    }

    public static Timings unknown() {
        return new Timings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
