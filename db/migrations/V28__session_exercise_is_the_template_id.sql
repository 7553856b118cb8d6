-- A session's exercise is the analysis template's id (kinematics' Exercise): "other" was the web's own name for the
-- template-free one, which the analysis calls "generic". Existing sessions keep their meaning.
alter table session drop constraint session_exercise_check;
update session set exercise = 'generic' where exercise = 'other';
alter table session add constraint session_exercise_check check (exercise in ('squat', 'lunge', 'sit-to-stand', 'knee-rom',
    'shoulder-abduction', 'shoulder-flexion', 'gait', 'cmj', 'generic'));
