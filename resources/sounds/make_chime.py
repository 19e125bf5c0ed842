"""Generates ``chime.wav``: the two-tone "ding-dong" played before every call announcement.

Run ``python -m resources.sounds.make_chime`` to rewrite the file; the tests check that the
committed file still matches what this script produces. Pure arithmetic, no dependencies: two
bell-like tones (a fundamental with a few soft partials, a quick attack and an exponential
decay), high then low, mono 16-bit at 22.05 kHz, well under 100 KB.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
# (start s, frequency Hz, length s): E5 then C5, the classic hall "ding-dong".
NOTES = ((0.0, 659.25, 0.95), (0.42, 523.25, 1.05))
# (frequency multiple, relative amplitude, decay per second) of each note's partials.
PARTIALS = ((1.0, 1.0, 3.2), (2.0, 0.32, 5.0), (3.0, 0.12, 7.5), (4.16, 0.05, 9.0))
ATTACK = 0.006  # seconds; avoids a click at each note's start
PEAK = 0.55  # of full scale: loud enough, never clipping when the notes overlap
LENGTH = 1.5  # seconds


def samples() -> list[int]:
    count = int(RATE * LENGTH)
    out = [0.0] * count
    norm = sum(a for _, a, _ in PARTIALS)
    for start, freq, length in NOTES:
        first = int(start * RATE)
        for i in range(int(length * RATE)):
            if first + i >= count:
                break
            t = i / RATE
            envelope = min(1.0, t / ATTACK)
            tail = max(0.0, 1.0 - max(0.0, t - (length - 0.1)) / 0.1)  # fade the last 0.1 s
            value = sum(
                amp * math.exp(-decay * t) * math.sin(2 * math.pi * freq * mult * t)
                for mult, amp, decay in PARTIALS
            )
            out[first + i] += envelope * tail * value / norm
    return [int(round(max(-1.0, min(1.0, v * PEAK)) * 32767)) for v in out]


def write(path: Path) -> None:
    data = samples()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(struct.pack(f"<{len(data)}h", *data))


if __name__ == "__main__":
    target = Path(__file__).with_name("chime.wav")
    write(target)
    print(f"wrote {target} ({target.stat().st_size} bytes)")
