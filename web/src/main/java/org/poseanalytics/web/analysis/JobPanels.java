package org.poseanalytics.web.analysis;

import java.util.function.Consumer;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.video.Video;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Makes {@link JobPanel}s for views, so a view needs one injected field rather than three services. */
@Component
@ConditionalOnWebApplication
public class JobPanels {
    private final AnalysisJobs jobs;
    private final JobProgressPush push;
    private final CurrentUser currentUser;

    JobPanels(AnalysisJobs jobs, JobProgressPush push, CurrentUser currentUser) {
        this.jobs = jobs;
        this.push = push;
        this.currentUser = currentUser;
    }

    /** @param onChange told of the job's state on creation and on every pushed change */
    public JobPanel create(Video video, Consumer<JobProgress> onChange) {
        return new JobPanel(jobs, push, currentUser, video, onChange);
    }
}
