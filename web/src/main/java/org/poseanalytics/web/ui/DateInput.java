package org.poseanalytics.web.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.data.binder.Result;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them: ISO (2026-03-14), day first with dots (14.03.2026, as in most of Europe) and with
 * slashes (14/03/2026; in the US month first, 03/14/2026). Where slashes could be read both ways (03/04/2026) the
 * browser's locale decides; where one of the numbers is over 12 only one reading is possible. The field shows dates
 * in ISO, which no one misreads, and says which forms it takes.
 */
public final class DateInput {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DOTS = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern SLASHES = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private DateInput() {}

    /** The date the text means, or empty when it is no date in any form taken (or no such day, e.g. 31.02.). */
    public static Optional<LocalDate> parse(String text, Locale locale) {
        String t = text == null ? "" : text.trim();
        try {
            Matcher m;
            if ((m = ISO.matcher(t)).matches()) return Optional.of(LocalDate.of(n(m, 1), n(m, 2), n(m, 3)));
            if ((m = DOTS.matcher(t)).matches()) return Optional.of(LocalDate.of(n(m, 3), n(m, 2), n(m, 1)));
            if ((m = SLASHES.matcher(t)).matches()) {
                int a = n(m, 1), b = n(m, 2);
                boolean monthFirst = a <= 12 && (b > 12 || monthFirst(locale));
                return Optional.of(monthFirst ? LocalDate.of(n(m, 3), a, b) : LocalDate.of(n(m, 3), b, a));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Says which forms the field takes and which number is the day, e.g. "2026-03-14, 14.03.2026 or 14/03/2026 (day first)". */
    public static String hint(Locale locale) {
        return monthFirst(locale)
                ? "Type 2026-03-14, 14.03.2026 (day first) or 03/14/2026 (month first)"
                : "Type 2026-03-14, 14.03.2026 or 14/03/2026 (day first)";
    }

    /** Takes the forms above, shows ISO, and puts the hint under the field and in its error message. */
    public static void accept(DatePicker field, Locale locale) {
        String hint = hint(locale);
        field.setI18n(new DatePicker.DatePickerI18n().setDateFormats("yyyy-MM-dd")
                .setBadInputErrorMessage("Not a date this field takes. " + hint + ".")
                .setMaxErrorMessage("This date lies in the future. Correct it.")
                .setMinErrorMessage("This date lies too far back. Correct it."));
        // What the browser's own parser (ISO only, as configured) does not take is read here.
        field.setFallbackParser(text -> parse(text, locale).map(Result::ok)
                .orElseGet(() -> Result.error("“" + text + "” is not a date. " + hint + ".")));
        field.setPlaceholder(monthFirst(locale) ? "yyyy-mm-dd or mm/dd/yyyy" : "yyyy-mm-dd or dd.mm.yyyy");
        field.setHelperText(hint);
    }

    /** Slashes read month first in the US (and its territories' English), day first everywhere else. */
    static boolean monthFirst(Locale locale) {
        return locale != null && "US".equals(locale.getCountry());
    }

    private static int n(Matcher m, int group) { return Integer.parseInt(m.group(group)); }
}
