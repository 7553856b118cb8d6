package org.poseanalytics.multiview.calibration.checkerboard;

/**
 * A printed checkerboard: {@code cols} × {@code rows} inner corners (where four squares meet; a board of 10 × 7
 * squares has 9 × 6), squares {@code squareM} metres wide.
 */
public record Board(int cols, int rows, double squareM) {
    public Board {
        if (cols < 3 || rows < 3) throw new IllegalArgumentException("a checkerboard needs at least 3x3 inner corners, got " + cols + "x" + rows);
        if (cols == rows) throw new IllegalArgumentException("use a board with different corner counts across and down (e.g. 9x6): a square one has no defined orientation");
        if (!(squareM > 0) || squareM > 1) throw new IllegalArgumentException("the square length must be in metres (0 < S <= 1), got " + squareM);
    }

    /** "COLSxROWS" as the command line takes it, e.g. "9x6". */
    public static Board parse(String colsByRows, double squareM) {
        String[] p = colsByRows.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length != 2) throw new NumberFormatException();
            return new Board(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), squareM);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--checkerboard must be COLSxROWS inner corners, e.g. 9x6; got '" + colsByRows + "'");
        }
    }

    public int corners() { return cols * rows; }

    /** Corner i in the board's own frame (metres, z = 0), row by row as OpenCV returns them. */
    public double[] corner(int i) { return new double[]{(i % cols) * squareM, (i / cols) * squareM, 0}; }
}
