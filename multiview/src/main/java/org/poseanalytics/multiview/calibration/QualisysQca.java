package org.poseanalytics.multiview.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Qualisys {@code .qca.txt} calibration (XML), read as Pose2Sim reads it: intrinsics in 1/64 pixel on the sensor,
 * the principal point shifted by the video field of view's origin; {@code transform} holds the camera's position
 * in millimetres and its orientation stored column by column, in Qualisys' camera axes (y up, z backwards), which a
 * 180° turn about x brings to OpenCV's (y down, z forwards). Only video cameras (models "Miqus Video…" or "none")
 * are kept; marker-only cameras cannot film the subject. The world's up is +Z.
 */
final class QualisysQca {
    private QualisysQca() {}

    static Calibration read(Path file) {
        String where = file.getFileName().toString();
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new CalibrationFormatException(where + ": not a readable Qualisys XML calibration: " + e.getMessage(), e);
        }
        NodeList nodes = doc.getElementsByTagName("camera");
        List<Camera> cameras = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element cam = (Element) nodes.item(i);
            String model = cam.getAttribute("model");
            if (!(model.startsWith("Miqus Video") || model.equals("none") || model.isEmpty())) continue;
            String name = cam.getAttribute("serial").isEmpty() ? "cam_" + (i + 1) : cam.getAttribute("serial");
            String at = where + " camera " + name;
            Element fov = child(cam, "fov_video", at);
            Element in = child(cam, "intrinsic", at);
            Element tr = child(cam, "transform", at);
            double left = num(fov, "left", at), top = num(fov, "top", at);
            int w = (int) Math.round(num(fov, "right", at) - left + 1), h = (int) Math.round(num(fov, "bottom", at) - top + 1);
            double fu = num(in, "focalLengthU", at) / 64, fv = num(in, "focalLengthV", at) / 64;
            double cu = num(in, "centerPointU", at) / 64 - left, cv = num(in, "centerPointV", at) / 64 - top;
            double[] dist = {num(in, "radialDistortion1", at) / 64, num(in, "radialDistortion2", at) / 64,
                    num(in, "tangentalDistortion1", at) / 64, num(in, "tangentalDistortion2", at) / 64};
            double[] m = new double[9];
            String[] keys = {"r11", "r12", "r13", "r21", "r22", "r23", "r31", "r32", "r33"};
            for (int j = 0; j < 9; j++) m[j] = num(tr, keys[j], at);
            double[] pos = {num(tr, "x", at) / 1000, num(tr, "y", at) / 1000, num(tr, "z", at) / 1000};
            double[] r = Rotations.multiply(new double[]{1, 0, 0, 0, -1, 0, 0, 0, -1}, m);
            double[] rp = Rotations.apply(r, pos);
            try {
                cameras.add(new Camera(name, w, h, new double[]{fu, 0, cu, 0, fv, cv, 0, 0, 1}, dist, r, new double[]{-rp[0], -rp[1], -rp[2]}));
            } catch (IllegalArgumentException e) {
                throw new CalibrationFormatException(at + ": " + e.getMessage(), e);
            }
            residuals.add(Double.NaN); // Qualisys states its residual in mm in 3D, not in pixels
        }
        if (cameras.isEmpty()) throw new CalibrationFormatException(where + ": no video camera in this Qualisys calibration");
        return new Calibration(cameras, Calibration.Z_UP, "qualisys-qca");
    }

    private static Element child(Element parent, String tag, String at) {
        NodeList l = parent.getElementsByTagName(tag);
        if (l.getLength() == 0) throw new CalibrationFormatException(at + ": missing <" + tag + ">");
        return (Element) l.item(0);
    }

    private static double num(Element e, String attr, String at) {
        String v = e.getAttribute(attr);
        if (v.isEmpty()) throw new CalibrationFormatException(at + ": <" + e.getTagName() + "> has no '" + attr + "'");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            throw new CalibrationFormatException(at + ": <" + e.getTagName() + " " + attr + "=\"" + v + "\"> is not a number");
        }
    }
}
