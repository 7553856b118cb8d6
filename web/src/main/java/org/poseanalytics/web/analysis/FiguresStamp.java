package org.poseanalytics.web.analysis;

/**
 * Where a subject's figures stand: its clinic, the subject, and the id of the last transaction that changed any of
 * them (V47's triggers mark every write to its sessions, videos, analyses, figures and headlines; 0 when none did since).
 * Two reads under equal stamps read the same trends, so a stamp keys a cache of them (ProgressService); the clinic is
 * part of it because every read is scoped to the reader's clinic.
 */
public record FiguresStamp(long clinicId, long subjectId, long changedBy) {}
