#!/usr/bin/env python3
"""Golden files for CocoKeypointEvaluator: COCO keypoint cases generated from seeds, scored by real pycocotools.

pycocotools is not part of this repository (third-party code stays out of it) and is not on this machine's
package registries; its evaluation path for keypoints is plain Python + numpy. Put its `coco.py` and
`cocoeval.py` (cocodataset/cocoapi, PythonAPI/pycocotools) into a folder `pycocotools/` with an `__init__.py`
and a stub `mask.py` (the C mask module is only used for bbox/segm IoU), then:

    PYTHONPATH=/tmp/pycocotools_ref python3 scripts/coco_golden_cases.py \
        pose-engine/src/test/resources/coco-golden

Each case becomes a folder `NN-<kind>/` with `gt.json` (annotations), `dt.json` (results) and `expected.json`
(seed, what the case exercises, pycocotools' 10 stats at full precision). The same seeds give the same files.
`--eval GT DT` instead prints pycocotools' stats of any pair of files as JSON (used for the real fixture).
"""
import argparse
import contextlib
import io
import json
import math
import random
import shutil
import sys
from pathlib import Path

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

STAT_NAMES = ["AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl"]

# A standing person in a unit box (x right, y down), COCO-17 order: nose, eyes, ears, shoulders, elbows,
# wrists, hips, knees, ankles. Only a plausible layout is needed so OKS spreads over its whole range.
TEMPLATE = [(.50, .08), (.53, .06), (.47, .06), (.56, .07), (.44, .07), (.65, .22), (.35, .22),
            (.70, .38), (.30, .38), (.72, .52), (.28, .52), (.60, .55), (.40, .55), (.61, .76), (.39, .76),
            (.62, .97), (.38, .97)]

# Box heights chosen so that the annotation areas (box area × 0.45–0.8) land in each of pycocotools'
# ranges: small < 32², medium 32²–96², large > 96².
HEIGHTS = {"small": (18, 45), "medium": (60, 150), "large": (160, 420)}


def person(rng, kind, img_w, img_h):
    h = rng.uniform(*HEIGHTS[kind])
    w = h * rng.uniform(0.35, 0.7)
    x = rng.uniform(0, max(1, img_w - w))
    y = rng.uniform(0, max(1, img_h - h))
    return x, y, w, h


def gt_keypoints(rng, box, labelled_p):
    x, y, w, h = box
    kps = []
    for tx, ty in TEMPLATE:
        if rng.random() < labelled_p:
            v = 2 if rng.random() < 0.8 else 1
            kps += [round(x + (tx + rng.gauss(0, .03)) * w), round(y + (ty + rng.gauss(0, .03)) * h), v]
        else:
            kps += [0, 0, 0]
    return kps


def detection_keypoints(rng, box, noise, truth=None, zero_p=0.0):
    """Keypoints near a truth (noise as a fraction of the box size) or laid out in a box."""
    x, y, w, h = box
    scale = math.sqrt(w * h)
    kps = []
    for i, (tx, ty) in enumerate(TEMPLATE):
        if rng.random() < zero_p:
            kps += [0.0, 0.0, 0.0]  # some models write (0, 0) for a point they did not find
            continue
        if truth is not None and truth[3 * i + 2] > 0:
            px, py = truth[3 * i], truth[3 * i + 1]
        else:
            px, py = x + tx * w, y + ty * h
        kps += [round(px + rng.gauss(0, noise * scale), 2), round(py + rng.gauss(0, noise * scale), 2),
                round(rng.uniform(0.05, 1), 3)]
    return kps


def score(rng, decimals):
    s = rng.random()
    return round(s, decimals) if decimals is not None else s


def make_case(seed, kind):
    """One evaluation problem. `kind` biases the generator towards one feature; every case mixes several."""
    rng = random.Random(seed)
    n_images = {"single-image": 1, "many-images": rng.randint(8, 14)}.get(kind, rng.randint(2, 7))
    image_ids = rng.sample(range(1, 600000), n_images)
    images, annotations, results = [], [], []
    next_ann_id = 0 if kind == "gt-id-zero" else rng.randint(1, 1000)  # id 0 is pycocotools' "unmatched"
    decimals = {"score-ties": 1, "tie-heavy": 0}.get(kind, rng.choice([None, None, 2, 3]))
    sizes = ["small", "medium", "large"]
    size_weights = {"no-medium": [1, 0, 3], "small-only": [1, 0, 0]}.get(kind, [1, 2, 2])

    for img_id in image_ids:
        img_w, img_h = rng.choice([(640, 480), (480, 640), (1280, 720), (427, 640)])
        images.append({"id": img_id, "file_name": f"{img_id:012d}.jpg", "width": img_w, "height": img_h})
        empty = kind == "no-people" or rng.random() < (0.5 if kind == "empty-images" else 0.15)
        n_people = 0 if empty else rng.randint(1, 6 if kind != "crowded" else 12)
        truths = []
        for _ in range(n_people):
            size = rng.choices(sizes, size_weights)[0]
            box = person(rng, size, img_w, img_h)
            unlabelled = rng.random() < (0.35 if kind == "unlabelled" else 0.08)
            kps = [0] * 51 if unlabelled else gt_keypoints(rng, box, rng.uniform(0.3, 1.0))
            num = sum(1 for v in kps[2::3] if v > 0)
            area = box[2] * box[3] * rng.uniform(0.45, 0.8)
            ann = {"id": next_ann_id, "image_id": img_id, "category_id": 1, "keypoints": kps, "num_keypoints": num,
                   "area": round(area, 2), "bbox": [round(v, 2) for v in box], "iscrowd": 0}
            next_ann_id += rng.randint(1, 3)
            annotations.append(ann)
            truths.append(ann)
        if rng.random() < (0.8 if kind == "crowd-regions" else 0.15):
            box = person(rng, "large", img_w, img_h)
            box = (box[0], box[1], min(img_w - box[0], box[2] * 2.5), box[3])
            annotations.append({"id": next_ann_id, "image_id": img_id, "category_id": 1, "keypoints": [0] * 51,
                                "num_keypoints": 0, "area": round(box[2] * box[3] * 0.6, 2),
                                "bbox": [round(v, 2) for v in box], "iscrowd": 1})
            next_ann_id += 1
            # People inside the crowd region: detections there must be ignored, not false positives.
            for _ in range(rng.randint(1, 4)):
                inner = (box[0] + rng.uniform(0, box[2] * 0.7), box[1], box[2] * 0.25, box[3])
                results.append({"image_id": img_id, "category_id": 1,
                                "keypoints": detection_keypoints(rng, inner, 0.05), "score": score(rng, decimals)})

        # Detections: most people found once (noise from near-perfect to poor), some twice, some missed.
        miss_p = 0.5 if kind == "missed-people" else 0.15
        for ann in truths:
            if rng.random() < miss_p:
                continue
            box = tuple(ann["bbox"])
            for _ in range(2 if rng.random() < 0.15 else 1):
                noise = rng.choice([0.002, 0.005, 0.01, 0.02] if kind == "accurate" else [0.005, 0.02, 0.05, 0.1, 0.25])
                truth = ann["keypoints"] if ann["num_keypoints"] > 0 else None
                results.append({"image_id": img_id, "category_id": 1,
                                "keypoints": detection_keypoints(rng, box, noise, truth, zero_p=0.05),
                                "score": score(rng, decimals)})
        # False positives, and past pycocotools' 20 per image in some images.
        n_fp = rng.randint(0, 1 if kind == "accurate" else 3)
        if kind in ("over-20", "crowded") or rng.random() < 0.1:
            n_fp += rng.randint(18, 30)
        for _ in range(n_fp):
            size = rng.choices(sizes, [1, 1, 1])[0]
            results.append({"image_id": img_id, "category_id": 1,
                            "keypoints": detection_keypoints(rng, person(rng, size, img_w, img_h), 0.02),
                            "score": score(rng, decimals)})
    if kind == "other-category" and results:
        # A result for a category the annotation file does not have: pycocotools leaves it out.
        results.append(dict(results[0], category_id=2, score=0.999))
    rng.shuffle(images)
    rng.shuffle(results)
    if not results:  # pycocotools' loadRes cannot read an empty results list; keep one far-away detection
        results.append({"image_id": image_ids[0], "category_id": 1,
                        "keypoints": [-5000.0, -5000.0, 1.0] * 17, "score": 0.5})
    gt = {"images": images, "annotations": annotations,
          "categories": [{"id": 1, "name": "person", "supercategory": "person"}]}
    return gt, results


def pycocotools_stats(gt_path, dt_path):
    """Real pycocotools, its progress printing swallowed."""
    with contextlib.redirect_stdout(io.StringIO()):
        coco_gt = COCO(str(gt_path))
        coco_dt = coco_gt.loadRes(str(dt_path))
        ev = COCOeval(coco_gt, coco_dt, "keypoints")
        ev.evaluate()
        ev.accumulate()
        ev.summarize()
    return [float(s) for s in ev.stats]


KINDS = ["mixed", "accurate", "score-ties", "tie-heavy", "over-20", "crowded", "crowd-regions", "unlabelled", "empty-images",
         "missed-people", "no-medium", "small-only", "single-image", "many-images", "gt-id-zero", "other-category", "no-people"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, help="folder for the golden cases (replaced)")
    ap.add_argument("--per-kind", type=int, default=3, help="cases per kind (default 3)")
    ap.add_argument("--eval", nargs=2, metavar=("GT", "DT"), help="only print pycocotools' stats of these files")
    args = ap.parse_args()
    if args.eval:
        print(json.dumps(dict(zip(STAT_NAMES, pycocotools_stats(*args.eval)))))
        return
    if args.out is None:
        ap.error("give the output folder or --eval GT DT")
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    n = 0
    for k, kind in enumerate(KINDS):
        for j in range(args.per_kind):
            seed = 1000 * (k + 1) + j
            gt, dt = make_case(seed, kind)
            case = args.out / f"{n:02d}-{kind}"
            case.mkdir()
            (case / "gt.json").write_text(json.dumps(gt, separators=(",", ":")))
            (case / "dt.json").write_text(json.dumps(dt, separators=(",", ":")))
            stats = pycocotools_stats(case / "gt.json", case / "dt.json")
            (case / "expected.json").write_text(json.dumps(
                {"seed": seed, "kind": kind, "images": len(gt["images"]), "annotations": len(gt["annotations"]),
                 "detections": len(dt), "produced_by": "pycocotools COCOeval(iouType='keypoints') on numpy "
                 + np.__version__, "stats": dict(zip(STAT_NAMES, stats))}, indent=1) + "\n")
            print(f"{case.name}: {len(gt['annotations'])} people, {len(dt)} detections, AP {stats[0]:.4f}, "
                  f"APm {stats[3]:.4f}, AR {stats[5]:.4f}", file=sys.stderr)
            n += 1


if __name__ == "__main__":
    main()
