package org.poseanalytics.web.report;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.analysis.MetricNames;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.ui.FigureText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A subject's figures as FHIR R4 {@code Observation}s in a {@code collection} Bundle, for the clinic's health record
 * (issue 18): one Observation per session-wide figure of the latest analysis of each video, with the session's date,
 * the value in UCUM, the Patient by the subject's external id, the camera view and model as the method and the quality
 * as a note. Only valid measurements go: figures rated low or invalid, figures stored before quality checks and figures
 * without a physical unit (pixels, yes/no) are left out and counted ({@link Export#leftOut}).
 *
 * <p>Codes: each figure is coded in the app's own code system ({@value #METRIC_SYSTEM}, the code the figure's key,
 * e.g. left_knee_flexion_peak, as in the CSVs and summary.json), with its label as the text; where a LOINC code for the
 * joint measure was confirmed it is added beside it, and the joint is the SNOMED CT body site where its code was
 * confirmed ({@link RomCodes}, which says where each was read). LOINC and SNOMED CT have no concept for most figures
 * measured from video as such (peak knee flexion in a squat, trunk lean, a repetition count, symmetry). Category: exam.
 */
@Service
public class FhirObservations {
    public static final String METRIC_SYSTEM = "urn:pose-analytics:fhir:CodeSystem:metric";
    public static final String OBSERVATION_SYSTEM = "urn:pose-analytics:fhir:observation";
    public static final String SUBJECT_SYSTEM = "urn:pose-analytics:fhir:subject";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** The app's units in UCUM; a unit not here (px, px/s, bool) is no physical quantity and is not exported. */
    static final Map<String, String> UCUM_CODES = Map.of("deg", "deg", "deg/s", "deg/s", "s", "s", "m", "m", "mm", "mm",
            "m/s", "m/s", "%", "%", "count", "{count}", "steps/min", "{steps}/min", "ratio", "1");

    /** HAPI's context is expensive to build and thread-safe: one for the app. */
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final SubjectService subjects;
    private final AnalysisQueries queries;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final String patientSystem;

    FhirObservations(SubjectService subjects, AnalysisQueries queries, AuditService audit, CurrentUser currentUser,
                     @Value("${pose.fhir.patient-identifier-system:urn:pose-analytics:fhir:external-id}") String patientSystem) {
        this.subjects = subjects;
        this.queries = queries;
        this.audit = audit;
        this.currentUser = currentUser;
        this.patientSystem = patientSystem;
    }

    /**
     * @param observations how many figures went into the bundle
     * @param leftOut      how many were not exported: rated low or invalid, not rated, or without a physical unit
     */
    public record Export(Bundle bundle, int observations, int leftOut) {
        public String json() { return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle); }
    }

    /** The subject's bundle, audited as an export. */
    @PreAuthorize("hasRole('VIEWER')")
    public Export export(long subjectId) {
        Subject subject = subjects.get(subjectId);
        Export export = bundle(subject, queries.metricHistory(subjectId));
        audit.record(AuditAction.EXPORTED, subjectId, null, "FHIR bundle of subject " + subjectId + ", " + export.observations()
                + " observation(s), " + export.leftOut() + " figure(s) left out");
        return export;
    }

    Export bundle(Subject subject, List<MetricHistoryPoint> figures) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(java.util.Date.from(Instant.now()));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
        int left = 0;
        for (MetricHistoryPoint p : figures) {
            MetricRecord m = p.metric();
            if (m.repetition() != null) continue; // per-repetition figures stay in the app; the session's figure is the record
            String ucum = UCUM_CODES.get(m.unit());
            if (m.quality() != Quality.VALID || !m.shownAsNumber() || ucum == null) {
                left++;
                continue;
            }
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation(subject, p, ucum));
        }
        return new Export(bundle, bundle.getEntry().size(), left);
    }

    private Observation observation(Subject subject, MetricHistoryPoint p, String ucum) {
        MetricRecord m = p.metric();
        String label = MetricNames.label(m.name(), m.side());
        Observation o = new Observation();
        o.addIdentifier().setSystem(OBSERVATION_SYSTEM).setValue("analysis-" + p.analysisId() + "-" + m.key());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, "exam", "Exam")));
        CodeableConcept code = new CodeableConcept(new Coding(METRIC_SYSTEM, m.key(), label)).setText(label);
        RomCodes.loinc(m.key()).ifPresent(code::addCoding);
        o.setCode(code);
        RomCodes.bodySite(m.name(), m.side()).ifPresent(o::setBodySite);
        o.setSubject(patient(subject));
        o.setEffective(new DateTimeType(Date.valueOf(p.sessionDate()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY));
        o.setValue(new Quantity().setValue(java.math.BigDecimal.valueOf(m.value()).setScale(decimals(m.unit()), java.math.RoundingMode.HALF_UP))
                .setUnit(m.unit()).setSystem(UCUM).setCode(ucum));
        o.setMethod(new CodeableConcept().setText("Markerless video pose estimation (model " + p.model() + "), "
                + Objects.toString(p.exercise(), "no exercise template") + ", " + (p.multiCamera() ? "several calibrated cameras (triangulated)"
                : "camera view " + (p.view() == null ? "not measured" : FigureText.viewName(p.view())))));
        o.addNote(new Annotation().setText("Quality: valid (measurable in this recording within the error the app documents for it)."));
        return o;
    }

    /** The Patient by the subject's external id (the health record's id); without one, by the app's subject id. */
    private Reference patient(Subject subject) {
        Reference r = new Reference().setType("Patient");
        if (subject.externalId() != null && !subject.externalId().isBlank()) {
            r.setIdentifier(new Identifier().setSystem(patientSystem).setValue(subject.externalId()));
        } else {
            r.setIdentifier(new Identifier().setSystem(SUBJECT_SYSTEM + ":" + currentUser.clinicId()).setValue(String.valueOf(subject.id())));
        }
        return r;
    }

    private static int decimals(String unit) {
        return switch (unit) {
            case "count" -> 0;
            case "m", "m/s", "ratio" -> 3;
            default -> 1;
        };
    }
}
