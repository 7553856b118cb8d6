package org.poseanalytics.loadtest;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fills a freshly started app (empty data directory) with what the load test reads and writes.
 *
 * <p>Accounts and API tokens go straight into the database: first-run setup and the invite page are Vaadin forms that
 * a load generator cannot fill without a browser. They are written as the app writes them ({bcrypt} password hashes,
 * tokens as the SHA-256 of a {@code pat_} secret), connected as the schema owner with the passwords of
 * {@code pgdata.passwords}. Subjects, sessions and the first upload then go through the REST API as a script would; the
 * 1,000 sessions of the progress subject are copies of that first, really analysed session (its analysis row, figures and
 * headlines), made in SQL because analysing 1,000 videos here would take hours.
 */
final class LoadSeed {
    /** A viewer signs in to the pages with its password and reads the API with its own token. */
    record Viewer(String username, String password, String token) {}

    record Seeded(List<Viewer> viewers, String clinicianToken, long progressSubject, long analysedSession, long analysedVideo,
                  long uploadSubject, List<Long> uploadSessions) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern VIDEO_ID = Pattern.compile("\"videoId\"\\s*:\\s*(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");

    private LoadSeed() {}

    static Seeded seed(LoadConfig cfg) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        awaitApp(http, cfg);
        String password = "load-" + secret(12);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        String clinicianToken;
        List<Viewer> viewers = new ArrayList<>();
        try (Connection db = ownerConnection(cfg.dataDir())) {
            db.setAutoCommit(false);
            if (single(db, "select count(*) from clinic") > 0) {
                throw new IllegalStateException("the app under test already has a clinic: start it on an empty --pose.data-dir");
            }
            long clinic = single(db, "insert into clinic (name) values ('Load test clinic') returning id");
            account(db, clinic, "load-admin", "admin", hash);
            long clinician = account(db, clinic, "load-clinician", "clinician", hash);
            clinicianToken = token(db, clinic, clinician, "clinician");
            for (int i = 1; i <= cfg.viewers(); i++) {
                String name = "load-viewer-%02d".formatted(i);
                long id = account(db, clinic, name, "viewer", hash);
                viewers.add(new Viewer(name, password, token(db, clinic, id, "viewer")));
            }
            db.commit();
        }
        Api api = new Api(http, cfg, clinicianToken);
        long progressSubject = api.create("/api/v1/subjects", "{\"displayName\":\"Load progress subject\"}");
        long firstSession = api.create("/api/v1/subjects/" + progressSubject + "/sessions",
                "{\"date\":\"2023-01-02\",\"exercise\":\"squat\"}");
        // a keypoint file instead (loadtest.firstKeypoints): the job then skips the model, so an hour's tracking, kinematics
        // and store run in minutes (the web job's store of an hour, docs/BENCHMARKS.md)
        String keypoints = System.getProperty("loadtest.firstKeypoints", "").strip();
        long video = keypoints.isEmpty() ? api.upload(firstSession, cfg.video()) : api.uploadKeypoints(firstSession, Path.of(keypoints));
        // an hour-long first upload (the web job's memory, docs/BENCHMARKS.md) takes longer than the fixture's
        String state = api.awaitAnalysis(video, Duration.ofMinutes(Long.getLong("loadtest.firstAnalysisMinutes", 10)));
        if (!state.equals("succeeded")) throw new IllegalStateException("the first upload's analysis ended " + state);
        Instant copyStart = Instant.now();
        try (Connection db = ownerConnection(cfg.dataDir())) {
            db.setAutoCommit(false);
            copySession(db, firstSession, cfg.progressSessions() - 1);
            db.commit();
            db.setAutoCommit(true);
            // as autovacuum would soon after: the planner then knows the tables' sizes
            try (var s = db.createStatement()) {
                s.execute("analyze session, video, analysis, analysis_metric, analysis_headline");
            }
        }
        System.out.printf("seeded %d sessions of subject %d in %d ms%n", cfg.progressSessions(), progressSubject,
                Duration.between(copyStart, Instant.now()).toMillis());
        long uploadSubject = api.create("/api/v1/subjects", "{\"displayName\":\"Load upload subject\"}");
        List<Long> uploadSessions = new ArrayList<>();
        for (int i = 0; i < cfg.uploads(); i++) {
            uploadSessions.add(api.create("/api/v1/subjects/" + uploadSubject + "/sessions",
                    "{\"date\":\"" + LocalDate.of(2026, 1, 1).plusDays(i) + "\",\"exercise\":\"squat\"}"));
        }
        return new Seeded(List.copyOf(viewers), clinicianToken, progressSubject, firstSession, video, uploadSubject,
                List.copyOf(uploadSessions));
    }

    /**
     * {@code copies} more sessions of the same subject, a day apart after the original, each with a video row (no file)
     * and a copy of the original's latest complete analysis with its session-wide and per-repetition figures (values
     * varied a little, NaN stays NaN) and headlines. Columns are read from the schema, so later columns are copied too.
     */
    static void copySession(Connection db, long sessionId, int copies) throws SQLException {
        long analysisId = single(db, "select a.id from analysis a join video v on v.id = a.video_id where v.session_id = "
                + sessionId + " and a.complete order by a.completed_at desc limit 1");
        long videoId = single(db, "select video_id from analysis where id = " + analysisId);
        try (PreparedStatement session = db.prepareStatement(copy(db, "session", "id = ?", Map.of("session_date", "session_date + ?")));
             PreparedStatement video = db.prepareStatement(copy(db, "video", "id = ?",
                     Map.of("session_id", "?::bigint", "storage_name", "gen_random_uuid()")));
             PreparedStatement analysis = db.prepareStatement(copy(db, "analysis", "id = ?",
                     Map.of("video_id", "?::bigint", "job_id", "gen_random_uuid()")));
             PreparedStatement metrics = db.prepareStatement(copy(db, "analysis_metric", "analysis_id = ?",
                     Map.of("analysis_id", "?::bigint", "value", "value * (1 + 0.05 * sin(?::int))")));
             PreparedStatement headlines = db.prepareStatement(copy(db, "analysis_headline", "analysis_id = ?",
                     Map.of("analysis_id", "?::bigint")))) {
            for (int i = 1; i <= copies; i++) {
                session.setInt(1, i);
                session.setLong(2, sessionId);
                long newSession = returning(session);
                video.setLong(1, newSession);
                video.setLong(2, videoId);
                long newVideo = returning(video);
                analysis.setLong(1, newVideo);
                analysis.setLong(2, analysisId);
                long newAnalysis = returning(analysis);
                metrics.setLong(1, newAnalysis);
                metrics.setInt(2, i);
                metrics.setLong(3, analysisId);
                metrics.executeUpdate();
                headlines.setLong(1, newAnalysis);
                headlines.setLong(2, analysisId);
                headlines.executeUpdate();
            }
        }
    }

    /**
     * insert into T (every column but generated ones) select (the column, or its replacement) from T where …; the
     * replacements' parameters come first, in column order, then the where clause's.
     */
    private static String copy(Connection db, String table, String where, Map<String, String> replace) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER'
                order by ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) columns.add(rs.getString(1));
            }
        }
        String values = columns.stream().map(c -> replace.getOrDefault(c, c)).collect(Collectors.joining(", "));
        String returning = table.equals("analysis_metric") || table.equals("analysis_headline") ? "" : " returning id";
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
                + " where " + where + returning;
    }

    private static long returning(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long account(Connection db, long clinic, String username, String role, String hash) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into account (clinic_id, username, display_name, role, password_hash)
                values (?, ?, ?, ?, ?) returning id""")) {
            s.setLong(1, clinic);
            s.setString(2, username);
            s.setString(3, "Load " + username);
            s.setString(4, role);
            s.setString(5, hash);
            return returning(s);
        }
    }

    private static String token(Connection db, long clinic, long account, String role) throws Exception {
        String secret = "pat_" + secret(24);
        try (PreparedStatement s = db.prepareStatement("""
                insert into api_token (clinic_id, account_id, name, token_hash, token_prefix, role, expires_at)
                values (?, ?, 'load test', ?, ?, ?, now() + interval '1 day')""")) {
            s.setLong(1, clinic);
            s.setLong(2, account);
            s.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
            s.setString(4, secret.substring(0, 10));
            s.setString(5, role);
            s.executeUpdate();
        }
        return secret;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row: " + sql);
            return rs.getLong(1);
        }
    }

    static Connection ownerConnection(Path dataDir) throws IOException, SQLException {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("pgdata.passwords"))) {
            passwords.load(in);
        }
        String port = Files.readString(dataDir.resolve("pgdata.port")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "pose_owner",
                passwords.getProperty("pose_owner"));
    }

    private static void awaitApp(HttpClient http, LoadConfig cfg) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(cfg.url("/login"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 && Files.exists(cfg.dataDir().resolve("pgdata.port"))) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("the app did not answer at " + cfg.baseUrl());
            Thread.sleep(1000);
        }
    }

    private static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The few REST calls seeding needs, as the clinician's token. */
    private record Api(HttpClient http, LoadConfig cfg, String token) {
        long create(String path, String json) throws Exception {
            return id(send(HttpRequest.newBuilder(URI.create(cfg.url(path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), 201), ID);
        }

        long upload(long session, Path file) throws Exception {
            return id(post("/api/v1/sessions/" + session + "/videos", file, "squat.mp4", "video/mp4"), ID);
        }

        /** A keypoint file without a video; answers the video row it gets. */
        long uploadKeypoints(long session, Path file) throws Exception {
            return id(post("/api/v1/sessions/" + session + "/keypoints", file, file.getFileName().toString(), "application/octet-stream"), VIDEO_ID);
        }

        private String post(String path, Path file, String name, String type) throws Exception {
            String boundary = "----load" + secret(12);
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n";
            // the file streamed, not read into memory: an hour-long video is over 600 MB
            var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            return send(HttpRequest.newBuilder(URI.create(cfg.url(path)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body), 201);
        }

        String awaitAnalysis(long video, Duration limit) throws Exception {
            Instant deadline = Instant.now().plus(limit);
            while (true) {
                Matcher m = STATE.matcher(send(HttpRequest.newBuilder(URI.create(cfg.url("/api/v1/videos/" + video + "/analysis"))).GET(), 200));
                String state = m.find() ? m.group(1) : "unknown";
                if (!state.equals("queued") && !state.equals("running")) return state;
                if (Instant.now().isAfter(deadline)) return state + " after " + limit;
                Thread.sleep(2000);
            }
        }

        private String send(HttpRequest.Builder request, int expected) throws Exception {
            HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        private static long id(String json, Pattern field) {
            Matcher m = field.matcher(json);
            if (!m.find()) throw new IllegalStateException("no id in " + json);
            return Long.parseLong(m.group(1));
        }
    }

    /** For the record: a short description of what was seeded, printed before the load starts. */
    static String describe(Seeded s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("viewers", s.viewers().size());
        d.put("progressSubject", s.progressSubject());
        d.put("analysedVideo", s.analysedVideo());
        d.put("uploadSubject", s.uploadSubject());
        d.put("uploadSessions", s.uploadSessions().size());
        return d.toString();
    }
}
