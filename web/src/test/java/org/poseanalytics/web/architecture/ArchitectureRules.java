package org.poseanalytics.web.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.syntax.elements.FieldsShouldConjunction;
import com.tngtech.archunit.lang.syntax.elements.MethodsShouldConjunction;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules the code base keeps (issue 16), each parameterised by package names so that {@link ArchitectureTest}
 * applies them to the real modules and {@link ArchitectureRulesProofTest} applies the very same rule to small
 * fixtures that break it, proving that it bites.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** A Maven module: its folder and the root package of its classes. */
    public record Module(String name, String rootPackage) {
        String packages() {
            return rootPackage + "..";
        }
    }

    /**
     * What a library module must not know of: the web stack (Spring, Vaadin, JobRunr) and the database (JDBC, the
     * driver, the pool, the migrations). The command line and the web app are thin shells over the libraries.
     */
    static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.springframework..", "com.vaadin..", "org.jobrunr..",
            "java.sql..", "javax.sql..", "org.postgresql..", "com.zaxxer.hikari..", "org.flywaydb..", "io.zonky..",
            "jakarta.servlet..", "jakarta.persistence..");

    /** Annotations that inject into a field or through a method: constructor injection says it all in one place. */
    static final List<String> INJECTION_ANNOTATIONS = List.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject", "javax.inject.Inject",
            "jakarta.annotation.Resource", "javax.annotation.Resource");

    /**
     * Dependencies point one way: each module of {@code chain} (lowest first) is used only by the modules above it and
     * by the {@code tops}; a top is used by no module, so the tops (cli, web) do not use each other either.
     */
    public static ArchRule layering(List<Module> chain, List<Module> tops) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Module m : Stream.concat(chain.stream(), tops.stream()).toList()) {
            layers = layers.layer(m.name()).definedBy(m.packages());
        }
        for (int i = 0; i < chain.size(); i++) {
            List<String> above = new ArrayList<>();
            chain.subList(i + 1, chain.size()).forEach(m -> above.add(m.name()));
            tops.forEach(m -> above.add(m.name()));
            layers = above.isEmpty()
                    ? layers.whereLayer(chain.get(i).name()).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(chain.get(i).name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        for (Module top : tops) {
            layers = layers.whereLayer(top.name()).mayNotBeAccessedByAnyLayer();
        }
        return layers.because("a lower module must not know a higher one, and cli and web are independent shells");
    }

    /**
     * No package cycles under {@code rootPackage}: every package, the root too, is a node of its own, so a cycle between
     * a package and its sub-package counts as well as one between siblings. (ArchUnit's {@code matching("root.(**)")}
     * would leave out the classes of the root package itself, such as web's application class.)
     */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().assignedFrom(new EveryPackage(rootPackage)).should().beFreeOfCycles()
                .because("a package cycle means neither package can be read, tested or moved alone");
    }

    /** Each package under and including the root is one slice, named by its package. */
    private record EveryPackage(String root) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + root + "..";
        }
    }

    /** The library modules import nothing of the web stack or the database. */
    public static ArchRule noFrameworks(List<String> libraryPackages) {
        return noClasses().that().resideInAnyPackage(libraryPackages.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_PACKAGES.toArray(String[]::new))
                .because("library modules know nothing of Spring, Vaadin, JobRunr or the database");
    }

    /**
     * Constructor injection only: no field and no method carries an injection annotation. Checked on the bytecode, so
     * a field injection spelled with fully-qualified names (which hides the dependency from the imports) is found too.
     */
    public static ArchRule constructorInjectionOnly(String rootPackage) {
        String packages = rootPackage + "..";
        FieldsShouldConjunction fields = noFields().that().areDeclaredInClassesThat().resideInAPackage(packages)
                .should().beAnnotatedWith(INJECTION_ANNOTATIONS.getFirst());
        MethodsShouldConjunction methods = noMethods().that().areDeclaredInClassesThat().resideInAPackage(packages)
                .should().beAnnotatedWith(INJECTION_ANNOTATIONS.getFirst());
        for (String annotation : INJECTION_ANNOTATIONS.subList(1, INJECTION_ANNOTATIONS.size())) {
            fields = fields.orShould().beAnnotatedWith(annotation);
            methods = methods.orShould().beAnnotatedWith(annotation);
        }
        return CompositeArchRule.of(fields).and(methods)
                .as("no field or method of " + packages + " carries an injection annotation " + INJECTION_ANNOTATIONS)
                .because("a class's dependencies are its constructor's parameters, visible in one place");
    }

    /**
     * The tables an analysis owns (created in db/migrations, V20–V25): everything that hangs off one `analysis` row and
     * goes with it. Only the store, the queries and the per-table codecs beside them name these tables in SQL, so the
     * stored form of an analysis is read and written in one place. `analysis_job` is not among them: it is the job's
     * progress, written by the job runner (see {@link #NOT_ANALYSIS_TABLES}).
     */
    static final Set<String> ANALYSIS_TABLES = Set.of(
            "analysis", "analysis_angle", "analysis_subject_series", "analysis_track", "analysis_repetition",
            "analysis_metric", "analysis_point", "analysis_headline", "analysis_tracked_point", "multiview_analysis",
            "analysis_series_part");

    /** Tables whose names start with "analysis" that an analysis does not own; every other such table must be listed above. */
    static final Set<String> NOT_ANALYSIS_TABLES = Set.of("analysis_job");

    /**
     * Who may name the analysis tables in SQL: in {@code ownerPackage}, the store and the queries (two named classes,
     * not a pattern, so that a new reader of the tables is a decision) and the codecs (one per table, write and read side
     * by side, MMPose style: any class named …Codec).
     */
    public static TableOwners analysisTablesOwnedBy(String ownerPackage) {
        return new TableOwners(ANALYSIS_TABLES, ownerPackage, Set.of("AnalysisStore", "AnalysisQueries"), "Codec");
    }

    /** Tables and the classes that alone may name them in SQL. */
    public record TableOwners(Set<String> tables, String ownerPackage, Set<String> ownerClasses, String ownerSuffix) {
        boolean mayName(SqlTableUses.Use use) {
            return use.packageName().equals(ownerPackage)
                    && (ownerClasses.contains(use.className()) || use.className().endsWith(ownerSuffix));
        }

        /** The uses of the tables in SQL outside their owners. */
        public List<SqlTableUses.Use> violations(List<SqlTableUses.Use> uses) {
            return uses.stream().filter(u -> tables.contains(u.table()) && !mayName(u)).toList();
        }
    }

    /**
     * What decodes an uploaded file, or runs a native library on its frames: FFmpeg and OpenCV (JavaCV, JavaCPP), and
     * the pose libraries' classes that open a video (the decoders, the probe, the pose runner, the analysis' frame
     * sources, the checkerboard search).
     */
    static final List<String> DECODING_CLASSES = List.of(
            "org.poseanalytics.pose.video.VideoSource", "org.poseanalytics.pose.video.VideoProbe",
            "org.poseanalytics.pose.video.VideoDecoder", "org.poseanalytics.pose.video.VideoHeader",
            "org.poseanalytics.pose.video.FileOnlyGrabber", "org.poseanalytics.pose.video.DecodedGrayFrames",
            "org.poseanalytics.pose.pipeline.VideoPoseRunner",
            "org.poseanalytics.kinematics.pipeline.VideoPoses", "org.poseanalytics.kinematics.pipeline.VideoPoints",
            "org.poseanalytics.multiview.calibration.checkerboard.CheckerboardCalibrator");
    static final String NATIVE_MEDIA_PACKAGES = "org.bytedeco..";

    /**
     * Untrusted video is decoded only in the decoder processes (issue 15, item 3): under {@code rootPackage}, only the
     * classes in {@code decodingSide} (top-level names; their nested classes and lambdas count as them) and
     * {@code inlineSwitch} (the {@code pose.decode.isolation=inline} path, meant for tests) may use what decodes
     * ({@link #DECODING_CLASSES}, {@code org.bytedeco}) or call into the decoding side's {@code workerOnly} classes or
     * methods ({@code Class} or {@code Class#method}). A server class that decodes by
     * itself, or calls the decoding code directly rather than through the worker, breaks it.
     */
    public static ArchRule decodingOnlyInTheWorkers(String rootPackage, Set<String> decodingSide, Set<String> inlineSwitch,
                                                    Set<String> workerOnly) {
        DescribedPredicate<JavaClass> server = DescribedPredicate.describe("in " + rootPackage + " outside " + decodingSide + " and " + inlineSwitch,
                c -> inPackage(c, rootPackage) && !decodingSide.contains(topLevel(c)) && !inlineSwitch.contains(topLevel(c)));
        DescribedPredicate<JavaClass> decodes = DescribedPredicate.describe("decode video " + DECODING_CLASSES + " or " + NATIVE_MEDIA_PACKAGES,
                c -> DECODING_CLASSES.contains(c.getName()) || c.getPackageName().startsWith("org.bytedeco"));
        ArchRule own = noClasses().that(server).should().dependOnClassesThat(decodes).allowEmptyShould(true)
                .because("a hostile file or an FFmpeg bug must reach a worker process, never the server that holds the database credentials");
        DescribedPredicate<JavaMethodCall> intoWorker = DescribedPredicate.describe("into the decoding side " + workerOnly,
                call -> workerOnly.contains(call.getTargetOwner().getName())
                        || workerOnly.contains(call.getTargetOwner().getName() + "#" + call.getName()));
        ArchRule calls = noClasses().that(server).should().callMethodWhere(intoWorker).allowEmptyShould(true)
                .because("the server reaches the decoding code through its Decoder, i.e. through a worker process");
        return CompositeArchRule.of(own).and(calls)
                .as("only the decoder workers " + decodingSide + " decode video under " + rootPackage);
    }

    private static boolean inPackage(JavaClass c, String root) {
        return c.getPackageName().equals(root) || c.getPackageName().startsWith(root + ".");
    }

    private static String topLevel(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }
}
