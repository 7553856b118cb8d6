package org.poseanalytics.web.report;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Subject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject's ROM figures as a FHIR R4 bundle (issue 18, item 3): it passes HAPI's profile validator
 * ({@link FhirInstanceValidator}: the R4 base StructureDefinitions with their cardinalities, invariants and required
 * value set bindings, UCUM units checked by HAPI's UCUM service) with no error or fatal message, parses back under HAPI's
 * strict parser, and holds the valid figures only, in UCUM, with the Patient by external id; the others are counted.
 * The validator is shown to refuse broken bundles (an Observation without status, a status outside its value set, a
 * unit that is no UCUM), so that a pass means something.
 */
class FhirObservationsTest {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final Subject SUBJECT = new Subject(7, "Pat Example", "MRN-0042", null, null, InvolvedSide.LEFT, null, null);

    final FhirObservations fhir = new FhirObservations(null, null, null, null, "urn:oid:1.2.3.4.5");

    static MetricHistoryPoint point(LocalDate date, MetricRecord m) {
        return new MetricHistoryPoint(date, 1, 2, 3, "squat", "blazepose_full", m, CameraView.SAGITTAL_LEFT, null, null, false);
    }

    static List<MetricHistoryPoint> romFigures() {
        LocalDate d1 = LocalDate.of(2026, 3, 2), d2 = LocalDate.of(2026, 4, 6);
        return List.of(
                point(d1, MetricRecord.session("knee_flexion_peak", 92.44, "deg", Side.LEFT, Rating.VALID)),
                point(d1, MetricRecord.session("knee_rom", 88.06, "deg", Side.RIGHT, Rating.VALID)),
                point(d1, MetricRecord.session("repetitions", 5, "count", Side.NONE, Rating.VALID)),
                point(d2, MetricRecord.session("knee_flexion_peak", 101.2, "deg", Side.LEFT, Rating.VALID)),
                point(d2, MetricRecord.session("hip_flexion_peak", 80, "deg", Side.LEFT, Rating.low("keypoint hidden in 40 % of the frames"))),
                point(d2, MetricRecord.session("knee_valgus_peak", 12, "deg", Side.LEFT, Rating.invalid("frontal-plane angle from a side view"))),
                point(d2, MetricRecord.session("bar_path_drift", 14, "px", Side.NONE, Rating.VALID)),
                point(d2, MetricRecord.unrated("trunk_lean_peak", 20, "deg", Side.NONE, null)));
    }

    @Test
    void aSubjectsRangeOfMotionPassesHapisValidatorWithNoError() {
        FhirObservations.Export export = fhir.bundle(SUBJECT, romFigures());
        String json = export.json();

        ValidationResult result = VALIDATOR.validateWithResult(json);
        // Warnings and notes (e.g. no narrative, a code system the validator cannot look into) are shown, not failed on.
        result.getMessages().stream().filter(m -> !errorOrFatal(m))
                .forEach(m -> System.out.println("FHIR validation " + m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()));
        assertThat(errors(result)).as("validation errors").isEmpty();
        assertThat(result.isSuccessful()).isTrue();

        Bundle parsed = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, json);
        assertThat(parsed.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<Observation> observations = parsed.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        // valid figures with a physical unit only: low, invalid, pixels and not rated are left out and counted
        assertThat(export.observations()).isEqualTo(4);
        assertThat(export.leftOut()).isEqualTo(4);
        assertThat(observations).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactly("left_knee_flexion_peak", "right_knee_rom", "repetitions", "left_knee_flexion_peak");
        Observation first = observations.getFirst();
        assertThat(first.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(first.getSubject().getIdentifier().getSystem()).isEqualTo("urn:oid:1.2.3.4.5");
        assertThat(first.getSubject().getIdentifier().getValue()).isEqualTo("MRN-0042");
        assertThat(first.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(first.getValueQuantity().getCode()).isEqualTo("deg");
        assertThat(first.getValueQuantity().getValue().doubleValue()).isEqualTo(92.4);
        assertThat(first.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(first.getNoteFirstRep().getText()).startsWith("Quality: valid");
        assertThat(first.getMethod().getText()).contains("blazepose_full").contains("camera view side");
        assertThat(observations.get(2).getValueQuantity().getCode()).isEqualTo("{count}");
        assertThat(json).doesNotContain("Pat Example").doesNotContain("Hip flexion").doesNotContain("valgus");
    }

    @Test
    void confirmedLoincAndSnomedCodesGoBesideTheAppsOwnAndPassTheValidator() {
        LocalDate d = LocalDate.of(2026, 5, 4);
        FhirObservations.Export export = fhir.bundle(SUBJECT, List.of(
                point(d, MetricRecord.session("shoulder_abduction_max", 151.3, "deg", Side.LEFT, Rating.VALID)),
                point(d, MetricRecord.session("shoulder_abduction_max", 148.0, "deg", Side.RIGHT, Rating.VALID)),
                point(d, MetricRecord.session("knee_flexion_rom", 120.2, "deg", Side.RIGHT, Rating.VALID)),
                point(d, MetricRecord.session("hip_flexion_rom", 95.0, "deg", Side.LEFT, Rating.VALID)),
                point(d, MetricRecord.session("trunk_lean_max", 12.0, "deg", Side.NONE, Rating.VALID))));
        List<Observation> obs = export.bundle().getEntry().stream().map(e -> (Observation) e.getResource()).toList();

        Observation leftShoulder = obs.get(0);
        assertThat(leftShoulder.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .containsExactly(FhirObservations.METRIC_SYSTEM + "|left_shoulder_abduction_max", "http://loinc.org|41299-9");
        // no confirmed LOINC code for the right side, the knee, the hip or the trunk: the app's code alone
        for (Observation o : obs.subList(1, obs.size())) {
            assertThat(o.getCode().getCoding()).extracting(c -> c.getSystem()).containsExactly(FhirObservations.METRIC_SYSTEM);
        }
        assertThat(obs.get(2).getBodySite().getCodingFirstRep().getCode()).isEqualTo("72696002");
        assertThat(obs.get(2).getBodySite().getText()).isEqualTo("Right knee");
        assertThat(obs.get(3).getBodySite().getCodingFirstRep().getCode()).isEqualTo("24136001");
        assertThat(obs.get(3).getBodySite().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(obs.get(0).hasBodySite()).as("no shoulder body site confirmed").isFalse();
        assertThat(obs.get(4).hasBodySite()).isFalse();

        ValidationResult result = VALIDATOR.validateWithResult(export.json());
        result.getMessages().stream().filter(m -> !errorOrFatal(m) && (m.getMessage().contains("loinc") || m.getMessage().contains("snomed")))
                .forEach(m -> System.out.println("FHIR validation (codes) " + m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()));
        assertThat(errors(result)).as("validation errors").isEmpty();
    }

    @Test
    void anObservationWithoutStatusIsRejected() {
        Bundle bundle = fhir.bundle(SUBJECT, romFigures()).bundle();
        ((Observation) bundle.getEntry().get(1).getResource()).setStatus(null);
        ValidationResult result = VALIDATOR.validateWithResult(bundle);
        assertThat(result.isSuccessful()).isFalse();
        assertThat(errors(result)).anySatisfy(e -> assertThat(e).contains("Observation.status").contains("minimum required = 1"));
    }

    @Test
    void aStatusOutsideItsValueSetAndAUnitThatIsNoUcumAreRejected() {
        String json = fhir.bundle(SUBJECT, romFigures()).json();
        assertThat(errors(VALIDATOR.validateWithResult(json.replaceFirst("\"status\": \"final\"", "\"status\": \"measured-ish\""))))
                .anySatisfy(e -> assertThat(e).contains("measured-ish"));
        assertThat(errors(VALIDATOR.validateWithResult(json.replaceFirst("\"code\": \"deg\"", "\"code\": \"degrees-ish\""))))
                .anySatisfy(e -> assertThat(e).contains("degrees-ish"));
    }

    /**
     * HAPI's profile validator as the issue asks: the R4 base definitions (hapi-fhir-validation-resources-r4), value sets
     * expanded in memory, the common code systems (UCUM, languages, MIME types) and snapshots generated for any
     * differential profile. Built once: loading the R4 definitions takes seconds.
     */
    static final FhirValidator VALIDATOR = validator();

    static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }

    static boolean errorOrFatal(SingleValidationMessage m) {
        return m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal();
    }

    static List<String> errors(ValidationResult result) {
        return result.getMessages().stream().filter(FhirObservationsTest::errorOrFatal)
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
