package org.poseanalytics.web.report;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FHIR bundle of a subject's figures as a download for the progress page (signed-in users of the subject's clinic;
 * the API's {@code /api/v1/subjects/{id}/fhir} answers the same bundle). How many figures were left out is in the
 * {@value #LEFT_OUT} header and in the audit entry.
 */
@RestController
@ConditionalOnWebApplication
class FhirController {
    static final String PATH = "/api/subjects/{id}/fhir-bundle.json";
    public static final String LEFT_OUT = "X-Figures-Left-Out";
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final FhirObservations fhir;

    FhirController(FhirObservations fhir) { this.fhir = fhir; }

    @GetMapping(PATH)
    ResponseEntity<String> bundle(@PathVariable long id) {
        FhirObservations.Export export = fhir.export(id);
        return ResponseEntity.ok().contentType(FHIR_JSON).header(LEFT_OUT, String.valueOf(export.leftOut()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("subject-" + id + "-observations.fhir.json").build().toString())
                .body(export.json());
    }
}
