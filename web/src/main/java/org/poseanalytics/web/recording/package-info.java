/**
 * Multi-camera recordings (issue 14): 2–4 simultaneous videos of one movement and their calibration, held by a
 * session; their job runs the library's MultiViewPipeline and stores the triangulated analysis through the analysis
 * package's store. Builds on {@code video} (the files), {@code subject} (the session) and {@code analysis} (the store).
 */
package org.poseanalytics.web.recording;
