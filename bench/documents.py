"""Render every printed document N times: mean and p95 milliseconds, and size in bytes.

    python bench/documents.py            # N = 50
    python bench/documents.py -n 200

The CJK font is loaded and registered first (timed on its own line); each document is then
rendered once to warm up and N times measured. Two long variants (40 received materials, a
60-appointment day) show how the time grows with content. Targets: every document < 50 ms
(mean, fonts loaded) and < 150 KB; the exit status is 1 if one is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import time as clock_time  # noqa: E402

from printing import render, samples  # noqa: E402
from printing.documents import Document, ReceivedMaterial, ScheduleEntry  # noqa: E402
from printing.fonts import cjk_font_name, cjk_font_path  # noqa: E402

TARGET_MS = 50.0
TARGET_BYTES = 150 * 1024


def documents() -> dict[str, Document]:
    docs = samples.all_samples()
    docs["acceptance_notice ×40 materials"] = replace(
        samples.acceptance_notice(),
        materials=tuple(
            ReceivedMaterial(f"第{i}号申请材料：经营场所产权证明及租赁合同", "复印件")
            for i in range(1, 41)
        ),
    )
    docs["staff_schedule ×60 entries"] = replace(
        samples.staff_schedule(),
        entries=tuple(
            ScheduleEntry(
                clock_time(8 + i // 6, (i % 6) * 10),
                clock_time(8 + i // 6, (i % 6) * 10 + 9),
                "上门办",
                f"居民{i:02d}",
                f"武侯区玉林北路{i}号",
                "13611112222",
                "高龄津贴申领",
            )
            for i in range(60)
        ),
    )
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="renders per document (default 50)")
    args = parser.parse_args()

    start = time.perf_counter()
    cjk_font_name()
    print(f"font: {cjk_font_path()} loaded in {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"{'document':<34}{'first ms':>9}{'mean ms':>9}{'p95 ms':>9}{'bytes':>9}  status")

    missed = False
    for name, doc in documents().items():
        start = time.perf_counter()
        pdf = render(doc)
        first = (time.perf_counter() - start) * 1000
        times = []
        for _ in range(args.n):
            start = time.perf_counter()
            pdf = render(doc)
            times.append((time.perf_counter() - start) * 1000)
        mean = statistics.fmean(times)
        p95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]
        ok = mean < TARGET_MS and len(pdf) < TARGET_BYTES
        missed |= not ok
        status = "ok" if ok else "MISSED"
        print(f"{name:<34}{first:>9.1f}{mean:>9.1f}{p95:>9.1f}{len(pdf):>9}  {status}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
