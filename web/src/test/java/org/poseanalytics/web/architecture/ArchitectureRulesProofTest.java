package org.poseanalytics.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poseanalytics.archfixture.layers.low.Low;
import org.poseanalytics.archfixture.layers.mid.Mid;
import org.poseanalytics.archfixture.layers.top1.Top1;
import org.poseanalytics.archfixture.layers.top2.Top2;
import org.poseanalytics.web.architecture.ArchitectureRules.Module;

/**
 * The rules of {@link ArchitectureTest} bite: each, built by the same factory, reports the fixtures under
 * {@code org.poseanalytics.archfixture} that break it, by name, and passes the controls that keep it.
 */
class ArchitectureRulesProofTest {
    private static final String FIXTURE = "org.poseanalytics.archfixture";

    private static JavaClasses fixtures;

    @BeforeAll
    static void importOnce() {
        fixtures = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static String report(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s reports a violation", rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static void passes(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }

    private static final List<Module> CHAIN = List.of(new Module("low", FIXTURE + ".layers.low"), new Module("mid", FIXTURE + ".layers.mid"));
    private static final List<Module> SHELLS = List.of(new Module("top1", FIXTURE + ".layers.top1"), new Module("top2", FIXTURE + ".layers.top2"));

    @Test
    void layeringReportsAnUpwardAndASidewaysImport() {
        String report = report(ArchitectureRules.layering(CHAIN, SHELLS), fixtures);

        assertThat(report).contains("layers.low.Upward").contains("layers.top1.Sideways");
        assertThat(report.lines()).as("only the two offenders are reported").allMatch(l -> l.contains("Upward") || l.contains("Sideways"));
    }

    @Test
    void layeringPassesDownwardImports() {
        passes(ArchitectureRules.layering(CHAIN, SHELLS), new ClassFileImporter().importClasses(Low.class, Mid.class, Top1.class, Top2.class));
    }

    @Test
    void noPackageCyclesReportsSiblingPackages() {
        assertThat(report(ArchitectureRules.noPackageCycles(FIXTURE + ".cycle"), fixtures)).contains("cycle.a.A").contains("cycle.b.B");
    }

    @Test
    void noPackageCyclesReportsAPackageAndItsSubPackage() {
        String below = report(ArchitectureRules.noPackageCycles(FIXTURE), fixtures);
        assertThat(below).contains("nested.Menu").contains("nested.page.Page");

        // the root package itself is a node too (as web's MainLayout is in web.ui, but web's root holds classes)
        String atRoot = report(ArchitectureRules.noPackageCycles(FIXTURE + ".nested"), fixtures);
        assertThat(atRoot).contains("nested.Menu").contains("nested.page.Page");
    }

    @Test
    void noPackageCyclesPassesAOneWayPackageTree() {
        passes(ArchitectureRules.noPackageCycles(FIXTURE + ".acyclic"), fixtures);
    }

    @Test
    void noFrameworksReportsSpringVaadinJobRunrAndJdbc() {
        String report = report(ArchitectureRules.noFrameworks(List.of(FIXTURE + ".library..", FIXTURE + ".purelibrary..")), fixtures);

        assertThat(report).contains("SpringKnowing", "VaadinKnowing", "JobRunrKnowing", "JdbcKnowing")
                .contains("org.springframework.core.env.Environment", "com.vaadin.flow.component.html.Div",
                        "org.jobrunr.jobs.annotations.Job", "java.sql.Connection");
    }

    @Test
    void decodingOnlyInTheWorkersReportsAServerClassThatDecodesOrCallsTheWorkersCode() {
        String decode = FIXTURE + ".decode.";
        var rule = ArchitectureRules.decodingOnlyInTheWorkers(FIXTURE + ".decode", java.util.Set.of(decode + "WorkerSide"),
                java.util.Set.of(decode + "Switch"), java.util.Set.of(decode + "WorkerSide"));
        String report = report(rule, fixtures);

        assertThat(report).contains("decode.ServerSide").contains("VideoSource").contains("decode.CallsTheWorkerDirectly");
        assertThat(report).as("the worker and the switch are not reported")
                .doesNotContain("WorkerSide.width(java.nio.file.Path)> calls").doesNotContain("decode.Switch");
        // with the offenders counted as workers, nothing is left to report
        passes(ArchitectureRules.decodingOnlyInTheWorkers(FIXTURE + ".decode",
                java.util.Set.of(decode + "WorkerSide", decode + "ServerSide", decode + "CallsTheWorkerDirectly"),
                java.util.Set.of(decode + "Switch"), java.util.Set.of(decode + "WorkerSide")), fixtures);
    }

    @Test
    void noFrameworksPassesPlainJava() {
        passes(ArchitectureRules.noFrameworks(List.of(FIXTURE + ".purelibrary..")), fixtures);
    }

    @Test
    void constructorInjectionOnlyReportsFieldMethodAndValueInjection() {
        String report = report(ArchitectureRules.constructorInjectionOnly(FIXTURE + ".injection"), fixtures);

        assertThat(report).contains("FieldInjected.pure", "SetterInjected.setPure", "ValueInjected.model");
    }

    @Test
    void constructorInjectionOnlyPassesAnAnnotatedConstructor() {
        passes(ArchitectureRules.constructorInjectionOnly(FIXTURE + ".constructorinjection"), fixtures);
    }

    @Test
    void analysisTablesReportSqlOutsideTheStoreAndCodecs() {
        ArchitectureRules.TableOwners owners = ArchitectureRules.analysisTablesOwnedBy(FIXTURE + ".sql.analysis");
        List<SqlTableUses.Use> uses = SqlTableUses.in(Path.of("src/test/java/org/poseanalytics/archfixture/sql"), owners.tables());

        assertThat(owners.violations(uses)).extracting(u -> u.className() + " " + u.table() + " " + u.line())
                .containsExactlyInAnyOrder(
                        "AnalysisPanel analysis 8",          // "Results from analysis": English in SQL's shape
                        "AnalysisPanel analysis_metric 10",
                        "ReportQueries analysis 5",          // the text block starts on line 5
                        "ReportQueries analysis_headline 8");
        // the owners' own SQL is found, and allowed: the codec (text block and a spliced constant) and the store (capitals)
        assertThat(uses).extracting(u -> u.className() + " " + u.table())
                .contains("AngleCodec analysis_angle", "AnalysisStore analysis")
                .doesNotContain("AnalysisPanel analysis_track", "AnalysisPanel analysis_point"); // in comments
    }
}
