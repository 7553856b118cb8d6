package org.poseanalytics.web.subject;

import java.util.Locale;
import org.poseanalytics.web.UserInputException;

/** A standing height as typed into a form: "1.75" or "1,75" (metres); empty for none. */
final class Heights {
    private Heights() {}

    static Double parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new UserInputException("“" + text.trim() + "” is not a height. Enter it in metres, e.g. 1.75, or leave it empty.", "heightM");
        }
    }

    /** "1.75 m", or null when not known. */
    static String format(Double heightM) {
        return heightM == null ? null : String.format(Locale.ROOT, "%.2f m", heightM);
    }
}
