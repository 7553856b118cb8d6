package org.poseanalytics.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The date forms people type, read the way they meant them; no guess where a form could mean two days. */
class DateInputTest {
    private static final LocalDate PI_DAY = LocalDate.of(1990, 3, 14);

    @Test
    void isoDotsAndSlashesAreRead() {
        for (Locale l : new Locale[] {Locale.GERMANY, Locale.UK, Locale.US, Locale.FRANCE, Locale.ROOT}) {
            assertThat(DateInput.parse("1990-03-14", l)).as("ISO in %s", l).contains(PI_DAY);
            assertThat(DateInput.parse("14.03.1990", l)).as("dots in %s", l).contains(PI_DAY);
            assertThat(DateInput.parse(" 14.3.1990 ", l)).as("short dots in %s", l).contains(PI_DAY);
            // 14 is no month: day first whatever the locale.
            assertThat(DateInput.parse("14/03/1990", l)).as("slashes in %s", l).contains(PI_DAY);
        }
        assertThat(DateInput.parse("03/14/1990", Locale.US)).contains(PI_DAY);
    }

    @Test
    void slashesThatReadBothWaysFollowTheLocale() {
        assertThat(DateInput.parse("03/04/1990", Locale.US)).contains(LocalDate.of(1990, 3, 4));
        assertThat(DateInput.parse("03/04/1990", Locale.UK)).contains(LocalDate.of(1990, 4, 3));
        assertThat(DateInput.parse("03/04/1990", Locale.GERMANY)).contains(LocalDate.of(1990, 4, 3));
        assertThat(DateInput.hint(Locale.US)).contains("month first");
        assertThat(DateInput.hint(Locale.GERMANY)).contains("14/03/2026 (day first)");
    }

    @Test
    void noDayIsMadeUp() {
        assertThat(DateInput.parse("31.02.1990", Locale.GERMANY)).isEmpty();
        assertThat(DateInput.parse("14.13.1990", Locale.GERMANY)).isEmpty();
        assertThat(DateInput.parse("13/13/1990", Locale.US)).isEmpty();
        assertThat(DateInput.parse("14.03.90", Locale.GERMANY)).as("two-digit years are ambiguous").isEmpty();
        assertThat(DateInput.parse("yesterday", Locale.UK)).isEmpty();
        assertThat(DateInput.parse("", Locale.UK)).isEmpty();
        assertThat(DateInput.parse(null, Locale.UK)).isEmpty();
    }
}
