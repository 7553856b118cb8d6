package org.poseanalytics.web.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.account.Tokens;
import org.poseanalytics.web.analysis.VideoAnalysisService;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only links for patients (issue 19, item 4): clinicians make and withdraw them; anyone holding one opens the one
 * report or progress page it names, and nothing else. The token (192 random bits) is stored only as its SHA-256; the
 * PIN as a bcrypt hash (compared in constant time by the encoder); {@value #MAX_FAILED_PINS} wrong PINs lock the link.
 * Every view is audited as 'viewed' by "share link N" with a hash of the client's address, never the token.
 */
@Service
public class ShareLinks {
    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 365;
    public static final int MAX_FAILED_PINS = 5;

    private static final String SELECT = """
            select l.*, se.session_date, a.display_name as created_by_name, c.name as clinic_name
            from share_link l
            join clinic c on c.id = l.clinic_id
            left join video v on v.id = l.video_id and v.clinic_id = l.clinic_id
            left join session se on se.id = v.session_id and se.clinic_id = v.clinic_id
            left join account a on a.id = l.created_by""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SubjectService subjects;
    private final VideoService videos;
    private final VideoAnalysisService analyses;
    private final AuditService audit;
    private final PasswordEncoder encoder;

    ShareLinks(JdbcClient jdbc, CurrentUser currentUser, SubjectService subjects, VideoService videos,
               VideoAnalysisService analyses, AuditService audit, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.subjects = subjects;
        this.videos = videos;
        this.analyses = analyses;
        this.audit = audit;
        this.encoder = encoder;
    }

    /**
     * A new link to the subject's progress page ({@code videoId} null) or to that video's session report.
     *
     * @param pin "" or null for none, else 4 to 8 digits the clinician tells the patient apart from the link
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public CreatedShareLink create(long subjectId, Long videoId, int days, String pin) {
        subjects.get(subjectId);
        if (days < 1 || days > MAX_DAYS) throw new UserInputException("A link lasts 1 to " + MAX_DAYS + " days.");
        String cleanPin = pin == null ? "" : pin.strip();
        if (!cleanPin.isEmpty() && !cleanPin.matches("\\d{4,8}")) throw new UserInputException("A PIN is 4 to 8 digits, or leave it empty.");
        if (videoId != null) {
            Video video = videos.get(videoId);
            if (videos.subjectIdOf(video) != subjectId) throw new NotFoundException("Video " + videoId);
            if (analyses.latestId(videoId).isEmpty()) throw new UserInputException("Video " + videoId + " has no finished analysis to share yet.");
        }
        String token = Tokens.newToken();
        AccountPrincipal user = currentUser.get();
        long id = jdbc.sql("""
                        insert into share_link (clinic_id, subject_id, video_id, token_hash, pin_hash, expires_at, created_by)
                        values (:clinic, :subject, :video, :hash, :pin, now() + make_interval(days => :days), :account)
                        returning id""")
                .param("clinic", user.clinicId()).param("subject", subjectId).param("video", videoId)
                .param("hash", Tokens.sha256(token)).param("pin", cleanPin.isEmpty() ? null : encoder.encode(cleanPin))
                .param("days", days).param("account", user.accountId()).query(Long.class).single();
        ShareLink link = get(id);
        audit.record(AuditAction.CREATED, subjectId, videoId, "share link " + id + " to the " + (videoId == null ? "progress page"
                : "session report of video " + videoId) + ", " + days + " days, " + (cleanPin.isEmpty() ? "no PIN" : "with a PIN"));
        return new CreatedShareLink(link, token);
    }

    /** The subject's links, newest first, whatever their state. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<ShareLink> forSubject(long subjectId) {
        subjects.get(subjectId);
        return jdbc.sql(SELECT + " where l.clinic_id = :clinic and l.subject_id = :subject order by l.created_at desc, l.id desc")
                .param("clinic", currentUser.clinicId()).param("subject", subjectId).query(ShareLinks::map).list();
    }

    /** Withdraws a link: it answers "expired or withdrawn" from now on. Withdrawing twice changes nothing. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void revoke(long id) {
        ShareLink link = get(id);
        if (link.revokedAt() != null) return;
        jdbc.sql("update share_link set revoked_at = now() where id = :id and clinic_id = :clinic")
                .param("id", id).param("clinic", currentUser.clinicId()).update();
        audit.record(AuditAction.CHANGED, link.subjectId(), link.videoId(), "share link " + id + " withdrawn");
    }

    private ShareLink get(long id) {
        return jdbc.sql(SELECT + " where l.id = :id and l.clinic_id = :clinic").param("id", id).param("clinic", currentUser.clinicId())
                .query(ShareLinks::map).optional().orElseThrow(() -> new NotFoundException("Share link " + id));
    }

    /** The link a token names, in whatever state; empty for a token that was never issued. Needs no signed-in user. */
    public Optional<OpenLink> find(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return jdbc.sql(SELECT + " where l.token_hash = :hash")
                .param("hash", Tokens.sha256(token))
                .query((rs, n) -> new OpenLink(map(rs, n), rs.getLong("clinic_id"), rs.getString("clinic_name"))).optional();
    }

    /** Checks a PIN typed on the shared page; each wrong one counts toward the lock, a right one resets the count. */
    @Transactional
    public PinCheck checkPin(OpenLink open, String pin) {
        Optional<PinRow> row = jdbc.sql("select pin_hash, failed_pins, expires_at > now() and revoked_at is null as live from share_link where id = :id for update")
                .param("id", open.link().id())
                .query((rs, n) -> new PinRow(rs.getString("pin_hash"), rs.getInt("failed_pins"), rs.getBoolean("live"))).optional();
        if (row.isEmpty() || !row.get().live()) return PinCheck.GONE;
        String hash = row.get().hash();
        int failed = row.get().failed();
        if (failed >= MAX_FAILED_PINS) return PinCheck.LOCKED;
        if (hash == null || (pin != null && encoder.matches(pin.strip(), hash))) {
            jdbc.sql("update share_link set failed_pins = 0 where id = :id").param("id", open.link().id()).update();
            return PinCheck.ACCEPTED;
        }
        jdbc.sql("update share_link set failed_pins = failed_pins + 1 where id = :id").param("id", open.link().id()).update();
        return failed + 1 >= MAX_FAILED_PINS ? PinCheck.LOCKED : PinCheck.WRONG;
    }

    private record PinRow(String hash, int failed, boolean live) {}

    /** Whether the link still opens now (read again: it may have been withdrawn since the page was opened). */
    public boolean usable(OpenLink open) {
        return jdbc.sql("select count(*) from share_link where id = :id and revoked_at is null and expires_at > now() and failed_pins < :max")
                .param("id", open.link().id()).param("max", MAX_FAILED_PINS).query(Long.class).single() == 1;
    }

    /**
     * Runs {@code read} as a viewer of the link's clinic, so the report and progress services read under the same clinic
     * scoping as for a signed-in user. The shared page asks them only for the link's one subject or video; the previous
     * security context is restored whatever happens, so nothing outlives the call.
     */
    public <T> T readAs(OpenLink open, Supplier<T> read) {
        AccountPrincipal reader = new AccountPrincipal(0, open.clinicId(), open.clinicName(), "share link " + open.link().id(),
                "a shared link", Role.VIEWER, true, null);
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return read.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** One view of a shared page, in the clinic's audit log: the link's id and a hash of the client's address, never the token. */
    public void viewed(OpenLink open, String clientAddress) {
        ShareLink l = open.link();
        String client = Tokens.sha256("share link " + l.id() + " " + clientAddress).substring(0, 16);
        audit.recordAnonymous(open.clinicId(), "share link " + l.id(), AuditAction.VIEWED, l.subjectId(), l.videoId(),
                "shared " + (l.report() ? "session report of video " + l.videoId() : "progress page") + " through share link "
                        + l.id() + ", client " + client);
    }

    private static ShareLink map(ResultSet rs, int n) throws SQLException {
        Long videoId = rs.getObject("video_id", Long.class);
        var date = rs.getObject("session_date", java.time.LocalDate.class);
        String what = videoId == null ? "Progress page" : "Session report of " + date + " (video " + videoId + ")";
        return new ShareLink(rs.getLong("id"), rs.getLong("subject_id"), videoId, what, rs.getString("pin_hash") != null,
                rs.getInt("failed_pins"), utc(rs.getObject("created_at", OffsetDateTime.class)),
                utc(rs.getObject("expires_at", OffsetDateTime.class)), utc(rs.getObject("revoked_at", OffsetDateTime.class)),
                rs.getString("created_by_name"));
    }

    private static OffsetDateTime utc(OffsetDateTime t) { return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC); }
}
