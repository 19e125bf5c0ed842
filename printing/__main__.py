"""``python -m printing OUTDIR``: write every sample document as a PDF, to look at them."""

from __future__ import annotations

import sys
from pathlib import Path

from .render import render
from .samples import all_samples


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m printing OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, doc in all_samples().items():
        path = out / f"{name}.pdf"
        path.write_bytes(render(doc))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
