-- Issue #15, item 8: the audit log records reads and changes of subjects and sessions and user management, and keeps
-- ids, never a patient's name or a file's name (file names often carry the patient's name; an erased subject must
-- leave no name behind).

alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('viewed', 'created', 'changed', 'uploaded', 'exported', 'deleted', 'tracked',
                      'signed_in', 'sign_in_failed',
                      'user_invited', 'invite_accepted', 'password_reset', 'role_changed', 'user_disabled', 'user_enabled'));

-- Earlier entries: the file name in each known wording becomes the video's id; the subject's name column goes.
update audit_event set detail = case
        when action = 'viewed' and detail like 'played %' then 'played video ' || video_id
        when action = 'viewed' and detail like 'thumbnail of %' then 'thumbnail of video ' || video_id
        when action = 'uploaded' and video_id is not null
            then 'video ' || video_id || coalesce(substring(detail from '( to the session of [0-9-]+)$'), '')
        when action = 'deleted' and video_id is not null and detail like 'tracked point % removed from %'
            then regexp_replace(detail, ' removed from .*$', ' removed from video ' || video_id)
        when action = 'deleted' and video_id is not null
            then 'video ' || video_id || ' deleted' || coalesce(substring(detail from '( from the session of [0-9-]+)$'), '')
        when action = 'exported' and video_id is not null
            then split_part(detail, ' of ', 1) || ' of video ' || video_id
                 || coalesce(substring(detail from '( \(session of [0-9-]+\))$'), '')
        when action = 'tracked' and video_id is not null
            then regexp_replace(detail, ' tracked on .* from \(', ' tracked on video ' || video_id || ' from (')
        else detail end
    where video_id is not null;
alter table audit_event drop column subject_name;

-- The audit page filters by subject and by user within a clinic.
create index audit_event_subject_idx on audit_event (clinic_id, subject_id, at desc) where subject_id is not null;
create index audit_event_user_idx on audit_event (clinic_id, lower(username), at desc);
