package org.poseanalytics.web.analysis;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.ThreadSafeStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr's dashboard for operators, on one address (loopback unless configured) and always behind a user name and
 * password. JobRunr 8.7 has neither a bind address (it listens on every interface) nor a rule against running
 * without credentials, so this serves JobRunr's own handlers from a server of its own; it replaces JobRunr's
 * dashboard bean, which steps aside for it. The dashboard knows nothing of clinics: it shows every clinic's jobs.
 */
public class JobsDashboard extends JobRunrDashboardWebServer {
    private static final Logger log = LoggerFactory.getLogger(JobsDashboard.class);

    /** Where the dashboard listens and who may open it. */
    public record Settings(InetAddress address, int port, String username, String password) {
        /** Refuses to start an open dashboard: it would show (and let anyone delete or requeue) every clinic's jobs. */
        public Settings {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalStateException("The JobRunr dashboard is enabled (jobrunr.dashboard.enabled, "
                        + "POSE_JOBS_DASHBOARD) but has no credentials: set jobrunr.dashboard.username and "
                        + "jobrunr.dashboard.password (POSE_JOBS_DASHBOARD_USER, POSE_JOBS_DASHBOARD_PASSWORD), or turn it off.");
            }
        }
    }

    private final Settings settings;
    private final StorageProvider storage;
    private final JsonMapper json;
    private HttpServer server;
    private ExecutorService threads;
    private List<HttpExchangeHandler> handlers = List.of();

    public JobsDashboard(StorageProvider storage, JsonMapper json, Settings settings) {
        super(storage, json, settings.port(), settings.username(), settings.password());
        this.settings = settings;
        this.storage = new ThreadSafeStorageProvider(storage);
        this.json = json;
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The JobRunr dashboard cannot listen on " + settings.address().getHostAddress()
                    + ":" + settings.port() + " (jobrunr.dashboard.port, pose.jobs.dashboard.address)", e);
        }
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        handlers = List.of(new RedirectHttpHandler("/", "/dashboard"), new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, json, false), new JobRunrSseHandler(storage, json));
        Credentials credentials = new Credentials(settings.username(), settings.password());
        handlers.forEach(h -> server.createContext(h.getContextPath(), h).setAuthenticator(credentials));
        server.start();
        log.info("JobRunr dashboard at http://{}:{}/dashboard", settings.address().getHostAddress(), port());
    }

    /** The port listened on (the configured one, or the one picked for port 0). */
    public int port() { return server.getAddress().getPort(); }

    /** The address listened on. */
    public InetAddress address() { return server.getAddress().getAddress(); }

    @Override
    public synchronized void stop() {
        if (server == null) return;
        server.stop(0);
        handlers.forEach(HttpExchangeHandler::close);
        threads.shutdownNow();
        server = null;
    }

    /** HTTP Basic, compared in constant time. */
    private static final class Credentials extends BasicAuthenticator {
        private final byte[] username;
        private final byte[] password;

        Credentials(String username, String password) {
            super("JobRunr", StandardCharsets.UTF_8);
            this.username = username.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String user, String pass) {
            boolean userOk = MessageDigest.isEqual(username, user.getBytes(StandardCharsets.UTF_8));
            boolean passOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
            return userOk & passOk;
        }
    }
}
