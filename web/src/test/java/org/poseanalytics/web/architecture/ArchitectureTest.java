package org.poseanalytics.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poseanalytics.web.architecture.ArchitectureRules.Module;

/**
 * The architecture the code keeps (issue 16, item 7): modules depend one way, no package has a cycle, the libraries
 * know nothing of the web stack or the database, web injects through constructors, and only the analysis store and its
 * codecs name the analysis tables in SQL. {@link ArchitectureRulesProofTest} shows each rule fails on code that breaks it.
 *
 * <p>The classes are read from each module's target/classes beside this one, not from web's classpath, which holds
 * neither cli nor (today) multiview. A full build ({@code ./test.sh}) has built them all before web; a partial one
 * ({@code -pl web -am}) may not have, and then the rules that need a missing module are skipped with the reason, or
 * fail under CI=true.
 */
class ArchitectureTest {
    /** Surefire runs a module's tests in the module's folder: the other modules are beside it. */
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    static final Module ONNXRUNTIME = new Module("onnxruntime-lean", "ai.onnxruntime");
    static final Module POSE_ENGINE = new Module("pose-engine", "org.poseanalytics.pose");
    static final Module TRACKING = new Module("tracking", "org.poseanalytics.tracking");
    static final Module MULTIVIEW = new Module("multiview", "org.poseanalytics.multiview");
    static final Module KINEMATICS = new Module("kinematics", "org.poseanalytics.kinematics");
    static final Module CLI = new Module("cli", "org.poseanalytics.cli");
    static final Module WEB = new Module("web", "org.poseanalytics.web");

    /** pose-engine ← tracking ← multiview ← kinematics ← {cli, web}, with ONNX Runtime's Java API below them all. */
    static final List<Module> CHAIN = List.of(ONNXRUNTIME, POSE_ENGINE, TRACKING, MULTIVIEW, KINEMATICS);
    static final List<Module> SHELLS = List.of(CLI, WEB);
    static final List<Module> LIBRARIES = List.of(POSE_ENGINE, TRACKING, MULTIVIEW, KINEMATICS);
    /** Our modules; onnxruntime-lean is Microsoft's code unpacked, not ours to keep free of cycles. */
    static final List<Module> OURS = List.of(POSE_ENGINE, TRACKING, MULTIVIEW, KINEMATICS, CLI, WEB);

    private static JavaClasses classes;
    private static List<Module> unbuilt;

    @BeforeAll
    static void importOnce() {
        List<Path> built = new ArrayList<>();
        unbuilt = new ArrayList<>();
        for (Module m : Stream.concat(CHAIN.stream(), SHELLS.stream()).toList()) {
            Path dir = classesOf(m);
            if (Files.isDirectory(dir)) built.add(dir);
            else unbuilt.add(m);
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPaths(built);
    }

    private static Path classesOf(Module m) {
        return PROJECT.resolve(m.name()).resolve("target/classes");
    }

    private static void requireBuilt(List<Module> needed) {
        List<String> missing = needed.stream().filter(unbuilt::contains).map(m -> classesOf(m).toString()).toList();
        if (missing.isEmpty()) return;
        String reason = "not built: " + missing + " (build the whole reactor, e.g. ./test.sh)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(reason + "; under CI=true this is a failure");
        Assumptions.abort(reason);
    }

    @Test
    void modulesDependOneWay() {
        requireBuilt(Stream.concat(CHAIN.stream(), SHELLS.stream()).toList());
        ArchitectureRules.layering(CHAIN, SHELLS).check(classes);
    }

    static List<Module> ours() {
        return OURS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ours")
    void noPackageCycles(Module module) {
        requireBuilt(List.of(module));
        ArchitectureRules.noPackageCycles(module.rootPackage()).check(classes);
    }

    @Test
    void libraryModulesImportNoWebStackAndNoDatabase() {
        requireBuilt(LIBRARIES);
        ArchitectureRules.noFrameworks(LIBRARIES.stream().map(Module::packages).toList()).check(classes);
    }

    @Test
    void webInjectsThroughConstructorsOnly() {
        ArchitectureRules.constructorInjectionOnly(WEB.rootPackage()).check(classes);
    }

    /**
     * Issue 15, item 3: the web server's JVM decodes no upload. The decoder and analysis workers (and the code they
     * run) may use FFmpeg, OpenCV and the pose libraries' video sources; the server reaches them only through a
     * {@code Decoder} or an analysis source, which start the worker process ({@code InlineDecoder} and
     * {@code DecoderConfig} are the {@code pose.decode.isolation=inline} switch for tests).
     */
    @Test
    void onlyTheDecoderWorkersDecodeVideo() {
        String video = "org.poseanalytics.web.video.";
        Set<String> decodingSide = Set.of(video + "DecodeWork", video + "Thumbnails", video + "BrowserProxy", video + "StreamFormat",
                video + "DecoderWorker", video + "AnalysisWorker");
        Set<String> inline = Set.of(video + "InlineDecoder", video + "DecoderConfig");
        Set<String> workerOnly = Set.of(video + "DecodeWork", video + "Thumbnails", video + "BrowserProxy#make",
                video + "StreamFormat#probe", video + "DecoderWorker", video + "AnalysisWorker#main");
        ArchitectureRules.decodingOnlyInTheWorkers(WEB.rootPackage(), decodingSide, inline, workerOnly).check(classes);
    }

    @Test
    void onlyTheAnalysisStoreAndItsCodecsNameTheAnalysisTables() {
        ArchitectureRules.TableOwners owners = ArchitectureRules.analysisTablesOwnedBy("org.poseanalytics.web.analysis");
        List<SqlTableUses.Use> uses = SqlTableUses.in(Path.of("src/main/java"), owners.tables());

        assertThat(uses).as("the store names the analysis tables: the scan finds SQL at all").isNotEmpty();
        assertThat(owners.violations(uses)).as("analysis tables named in SQL outside the store, the queries and the codecs")
                .isEmpty();
    }

    /** A new table of an analysis cannot escape the rule above: each analysis… table is listed as owned or not. */
    @Test
    void everyAnalysisTableOfTheMigrationsIsListed() throws IOException, URISyntaxException {
        Path migrations = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("db/migration"),
                "the Flyway migrations on the classpath").toURI());
        Pattern created = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(analysis\\w*)");
        List<String> tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = created.matcher(Files.readString(file));
                while (m.find()) tables.add(m.group(1).toLowerCase());
            }
        }

        assertThat(tables).contains("analysis", "analysis_angle");
        assertThat(tables).allSatisfy(t -> assertThat(ArchitectureRules.ANALYSIS_TABLES.contains(t)
                || ArchitectureRules.NOT_ANALYSIS_TABLES.contains(t)).as("%s is listed as an analysis table or not", t).isTrue());
    }
}
