package org.poseanalytics.web.report;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.poseanalytics.kinematics.angle.Side;

/**
 * The standard codes a figure carries besides the app's own: a LOINC code where one for that joint measure was found
 * and confirmed, and the SNOMED CT body site of the joint. Only codes read in a published source are here, each with
 * where it was read; a figure without one keeps the app's code alone (docs/API.md lists both). Nothing is guessed:
 * LOINC's pre-coordinated range-of-motion codes exist per joint, side and movement, and for most of the figures this
 * app measures (knee, hip, ankle, elbow flexion, trunk lean, symmetry) no code was found that could be confirmed.
 */
final class RomCodes {
    private RomCodes() {}

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";

    /**
     * LOINC codes by figure key. 41299-9 "Shoulder - left Abduction Active Range of Motion Quantitative" (status
     * active; component Abduction.active range of motion, system Shoulder.left, property Angle): read on
     * healthassure.in/codes/loinc-41299-9-shoulder-left-abduction-active-range-of-motion-quantitative (a LOINC
     * browser; loinc.org itself could not be reached from here). It fits the session's largest left shoulder abduction
     * (the {@code _max} of the range-of-motion report, 0° = arm along the trunk): the angle the patient reached
     * actively. The right side's counterpart could not be confirmed, so right-side figures keep the app's code only.
     */
    static final Map<String, Coding> LOINC_CODES = Map.of(
            "left_shoulder_abduction_max", new Coding(LOINC, "41299-9", "Shoulder - left Abduction Active Range of Motion Quantitative"),
            "left_shoulder_abduction_3d_max", new Coding(LOINC, "41299-9", "Shoulder - left Abduction Active Range of Motion Quantitative"));

    /**
     * SNOMED CT body sites by joint (the figure's name starts with it). 72696002 "Knee region structure": the Australian
     * Digital Health Agency's R4 guide, example BodyStructure "left-knee" (build.fhir.org/ig/AuDigitalHealth/ci-fhir-r4).
     * 24136001 "Hip joint structure": HL7 Europe's hospital discharge report guide, example BodyStructure
     * "bodystructure-left-hip" (build.fhir.org/ig/hl7-eu/hdr). Other joints: no code confirmed here.
     */
    static final Map<String, Coding> BODY_SITES = Map.of(
            "knee", new Coding(SNOMED, "72696002", "Knee region structure"),
            "hip", new Coding(SNOMED, "24136001", "Hip joint structure"));

    static Optional<Coding> loinc(String key) {
        return Optional.ofNullable(LOINC_CODES.get(key)).map(Coding::copy);
    }

    /** The joint's body site, its side in the text ("Left knee"); empty for figures of no coded joint. */
    static Optional<CodeableConcept> bodySite(String name, Side side) {
        String joint = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        Coding site = BODY_SITES.get(joint);
        if (site == null) return Optional.empty();
        String text = (side == Side.LEFT ? "Left " : side == Side.RIGHT ? "Right " : "") + joint;
        return Optional.of(new CodeableConcept(site.copy()).setText(text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1)));
    }
}
