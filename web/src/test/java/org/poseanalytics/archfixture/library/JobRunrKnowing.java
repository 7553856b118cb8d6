package org.poseanalytics.archfixture.library;

import org.jobrunr.jobs.annotations.Job;

/** A "library" class that imports a JobRunr type. */
public class JobRunrKnowing {
    @Job(name = "analyse")
    public void analyse() {}
}
