package org.poseanalytics.pose.hrnet;

import org.poseanalytics.pose.BoundingBox;

/**
 * The image region a top-down model sees for one person, as MMPose's TopdownAffine builds it: the box's
 * centre, its size grown to the model's aspect ratio and then by a padding factor (1.25 for COCO HRNet).
 * Input pixel u of the crop samples image x = centreX + (u − inputWidth/2) · width/inputWidth (pixel-index
 * coordinates on both sides, as cv2.warpAffine), so the geometry matches the one the weights were trained on.
 */
public record TopDownCrop(double centerX, double centerY, double width, double height, int inputWidth, int inputHeight) {

    public static TopDownCrop around(BoundingBox box, int inputWidth, int inputHeight, double padding) {
        double aspect = (double) inputWidth / inputHeight;
        double w = box.width(), h = box.height();
        if (w > h * aspect) h = w / aspect;
        else w = h * aspect;
        return new TopDownCrop(box.centerX(), box.centerY(), w * padding, h * padding, inputWidth, inputHeight);
    }

    public double imageX(double inputX) { return centerX + (inputX - inputWidth / 2.0) * width / inputWidth; }

    public double imageY(double inputY) { return centerY + (inputY - inputHeight / 2.0) * height / inputHeight; }
}
