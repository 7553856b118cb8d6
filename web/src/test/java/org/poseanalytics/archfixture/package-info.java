/**
 * Small classes that break (or, as controls, keep) the architecture rules, for
 * {@code org.poseanalytics.web.architecture.ArchitectureRulesProofTest}: each rule must report them. Outside
 * {@code org.poseanalytics.web} so that no Spring scan and no real-code rule ever sees them.
 */
package org.poseanalytics.archfixture;
