"""The announcer: exact sentences, one queue, no overlap, repeats, and life without a voice.

Speech goes through Qt's "mock" engine (it "speaks" 50-150 ms per word and reports its state
like a real engine), so the tests assert the exact text and order without audio.
"""

from __future__ import annotations

import logging
import socket
import threading
import wave
from importlib import resources

import pytest
from PySide6.QtCore import QLocale

from desktop.announcer import (
    Announcer,
    Chime,
    choose_chinese_voice,
    display_sentence,
    speech_sentence,
    speechd_answers,
    spell_ticket,
    voice_rank,
)
from resources.sounds import make_chime

# Without a sound device Qt Multimedia reports its backends' absence; that is the point here.
pytestmark = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) ", "^PulseAudioService:", "^QSoundEffect", "multimedia with FFmpeg"
)


def first_voice(tts):
    """The mock engine has only English/Norwegian/Finnish voices; any will do for the text."""
    return tts.availableVoices()[0]


class Recorder:
    """Every announcer signal in the order received, as (name, text) pairs."""

    def __init__(self, announcer: Announcer) -> None:
        self.log: list[tuple[str, str]] = []
        for name in ("announcing", "spoken", "announced"):
            getattr(announcer, name).connect(lambda text, n=name: self.log.append((n, text)))

    def names(self, kind: str) -> list[str]:
        return [text for name, text in self.log if name == kind]


@pytest.fixture
def make_announcer(qtbot):
    made: list[Announcer] = []

    def make(**options) -> Announcer:
        options.setdefault("engine", "mock")
        options.setdefault("choose_voice", first_voice)
        options.setdefault("rate", 1.0)  # the mock's quickest: 50 ms a word
        options.setdefault("chime", Chime(hold_ms=10))
        options.setdefault("gap_ms", 5)
        options.setdefault("silent_hold_ms", 10)
        announcer = Announcer(**options)
        made.append(announcer)
        with qtbot.waitSignal(announcer.voice_ready, timeout=10000):
            pass  # speech set up (the "mock" engine opens at once)
        return announcer

    yield make
    for announcer in made:
        announcer.close()


# ---- sentences --------------------------------------------------------------------------


def test_shown_and_spoken_sentences(qapp):
    assert display_sentence("A015", "3号窗口") == "请 A015 号到 3号窗口办理"
    assert spell_ticket("A015") == "A 0 1 5"
    assert speech_sentence("A015", "3号窗口") == "请 A 0 1 5 号，到 3号窗口办理"
    # Brackets are not read aloud; what they hold is.
    assert (
        speech_sentence("G003", "14号窗口（办不成事反映窗口）")
        == "请 G 0 0 3 号，到 14号窗口 办不成事反映窗口办理"
    )


@pytest.mark.parametrize(
    ("name", "locale", "expected"),
    [
        ("Microsoft Huihui Desktop", "zh_CN", 50),
        ("Microsoft Hanhan Desktop", "zh_TW", 40),
        ("Microsoft Tracy Desktop", "zh_HK", None),  # Cantonese
        ("Chinese (Mandarin, latin as Pinyin)", "C", 25),
        ("Chinese (Mandarin, latin as English)", "C", 20),
        ("Chinese (Mandarin, latin as English)+Alex", "C", 19),
        ("Chinese (Cantonese)", "yue_HK", None),
        ("Hakka Chinese", "C", None),
        ("cmn", "C", 20),
        ("zh-cn", "C", 10),
        ("Kazakh", "kk_KZ", None),
        ("Bob", "en_GB", None),
    ],
)
def test_voice_rank_prefers_mainland_mandarin(name, locale, expected):
    assert voice_rank(name, QLocale(locale)) == expected


def test_the_mock_engine_has_no_chinese_voice(qapp):
    from PySide6.QtTextToSpeech import QTextToSpeech

    assert choose_chinese_voice(QTextToSpeech("mock")) is None


# ---- the queue --------------------------------------------------------------------------


def test_a_call_is_chimed_then_spoken_exactly_repeat_times(qtbot, make_announcer):
    announcer = make_announcer(repeat=2)
    record = Recorder(announcer)
    chimes = []
    announcer.chime.played.connect(lambda: chimes.append(1))
    with qtbot.waitSignal(announcer.announced, timeout=10000):
        announcer.announce("A001", "1号窗口")
    assert record.log == [
        ("announcing", "请 A001 号到 1号窗口办理"),
        ("spoken", "请 A 0 0 1 号，到 1号窗口办理"),
        ("spoken", "请 A 0 0 1 号，到 1号窗口办理"),
        ("announced", "请 A001 号到 1号窗口办理"),
    ]
    assert chimes == [1]
    assert not announcer.busy and announcer.queue_length == 0


def test_a_recall_is_announced_again(qtbot, make_announcer):
    announcer = make_announcer(repeat=1)
    record = Recorder(announcer)
    announcer.announce("B002", "2号窗口")
    announcer.announce("B002", "2号窗口")  # the clerk pressed "recall"
    qtbot.waitUntil(lambda: len(record.names("announced")) == 2, timeout=10000)
    assert record.names("spoken") == ["请 B 0 0 2 号，到 2号窗口办理"] * 2


def test_ten_calls_in_one_second_are_announced_in_order_never_overlapping(qtbot, make_announcer):
    announcer = make_announcer(repeat=1)
    record = Recorder(announcer)
    calls = [(f"A{n:03d}", f"{n}号窗口") for n in range(1, 11)]
    for ticket, counter in calls:
        announcer.announce(ticket, counter)
    assert announcer.busy and announcer.queue_length == 9
    qtbot.waitUntil(lambda: len(record.names("announced")) == 10, timeout=30000)

    expected = []
    for ticket, counter in calls:
        shown = display_sentence(ticket, counter)
        expected += [
            ("announcing", shown),
            ("spoken", speech_sentence(ticket, counter)),
            ("announced", shown),
        ]
    # Strict alternation: each announcement starts only after the previous one ended, and
    # its utterance lies inside it.
    assert record.log == expected
    assert announcer.queue_length == 0


def test_the_repeat_setting_applies_to_later_calls(qtbot, make_announcer):
    announcer = make_announcer(repeat=1)
    record = Recorder(announcer)
    announcer.set_repeat(3)
    with qtbot.waitSignal(announcer.announced, timeout=10000):
        announcer.announce("C001", "3号窗口")
    assert len(record.names("spoken")) == 3


# ---- without a voice --------------------------------------------------------------------


def test_without_a_chinese_voice_it_warns_once_and_still_chimes(qtbot, make_announcer, caplog):
    caplog.set_level(logging.INFO, logger="desktop.announcer")
    announcer = make_announcer(choose_voice=choose_chinese_voice)  # the mock has none
    assert announcer.voice_name == ""
    record = Recorder(announcer)
    chimes = []
    announcer.chime.played.connect(lambda: chimes.append(1))
    for n in range(1, 4):
        announcer.announce(f"A00{n}", "1号窗口")
    qtbot.waitUntil(lambda: len(record.names("announced")) == 3, timeout=10000)
    assert record.names("spoken") == []
    assert record.names("announcing") == [display_sentence(f"A00{n}", "1号窗口") for n in (1, 2, 3)]
    assert chimes == [1, 1, 1]
    warnings = [r for r in caplog.records if "will not be spoken" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING


def test_speech_turned_off_is_not_a_warning(qtbot, make_announcer, caplog):
    caplog.set_level(logging.INFO, logger="desktop.announcer")
    announcer = make_announcer(engine="none")
    assert announcer.voice_name == ""
    assert not [
        r for r in caplog.records if r.levelno >= logging.WARNING and "spoken" in r.getMessage()
    ]


def test_an_unknown_engine_means_no_speech(qtbot, make_announcer, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.announcer")
    announcer = make_announcer(engine="no-such-engine")
    assert announcer.voice_name == ""
    assert any("no-such-engine" in r.getMessage() for r in caplog.records)


def test_a_voice_that_never_finishes_does_not_stop_the_queue(qtbot, make_announcer, caplog):
    """The watchdog: an utterance that outlives its time is abandoned, and the engine is not
    called again (a hung speech service blocks any call into it); the calls go on, shown and
    chimed, without speech."""
    caplog.set_level(logging.WARNING, logger="desktop.announcer")
    announcer = make_announcer(repeat=2, rate=-1.0, utterance_timeout_ms=300)  # 150 ms a word
    record = Recorder(announcer)
    for n in range(1, 5):
        announcer.announce(f"A00{n}", "1号窗口")
    qtbot.waitUntil(lambda: len(record.names("announced")) == 4, timeout=10000)
    assert announcer.voice_name == ""
    assert len([r for r in caplog.records if "did not finish" in r.getMessage()]) == 1
    assert record.names("spoken") == ["请 A 0 0 1 号，到 1号窗口办理"]  # then silence
    assert record.names("announcing") == [
        display_sentence(f"A00{n}", "1号窗口") for n in range(1, 5)
    ]


def test_close_stops_the_queue_for_good(qtbot, qapp, make_announcer):
    announcer = make_announcer(repeat=2)
    record = Recorder(announcer)
    for n in range(1, 4):
        announcer.announce(f"A00{n}", "1号窗口")
    qtbot.waitUntil(lambda: bool(record.names("spoken")), timeout=10000)
    announcer.close()  # mid-utterance: the engine's late "finished" must not restart anything
    announcer.announce("A009", "1号窗口")
    assert announcer.queue_length == 0 and not announcer.busy
    before = list(record.log)
    qapp.processEvents()  # deliver what the (now finished) speech thread had still sent
    assert record.log == before
    assert not announcer.busy
    assert not announcer._step.isActive() and not announcer._watchdog.isActive()


# ---- speech-dispatcher that hangs -------------------------------------------------------


def _serve_once(server: socket.socket, answer: bytes | None, done: threading.Event) -> None:
    conn, _ = server.accept()
    with conn:
        conn.recv(1024)
        if answer is not None:
            conn.sendall(answer)
        done.wait(5)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(b"250-espeak-ng\r\n250 OK MODULE LIST SENT\r\n", True), (None, False)],
)
def test_a_speech_dispatcher_that_does_not_answer_is_detected(tmp_path, answer, expected):
    path = tmp_path / "speechd.sock"
    done = threading.Event()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        thread = threading.Thread(target=_serve_once, args=(server, answer, done))
        thread.start()
        try:
            assert speechd_answers(path, timeout=0.3) is expected
        finally:
            done.set()
            thread.join()


def test_no_or_stale_speech_dispatcher_socket_is_fine(tmp_path):
    assert speechd_answers(tmp_path / "missing.sock")
    stale = tmp_path / "stale.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(stale))  # bound, then closed: the file stays, nobody listens
    assert speechd_answers(stale)


# ---- the chime file ---------------------------------------------------------------------


def test_the_chime_is_small_and_matches_its_generator():
    wav_file = resources.files("resources").joinpath("sounds/chime.wav")
    data = wav_file.read_bytes()
    assert len(data) < 100_000
    with resources.as_file(wav_file) as path, wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (
            1,
            2,
            make_chime.RATE,
        )
        frames = wav.readframes(wav.getnframes())
    committed = memoryview(frames).cast("h").tolist()
    expected = make_chime.samples()
    assert len(committed) == len(expected)
    # Regenerate with `python -m resources.sounds.make_chime` after changing the generator.
    assert max(abs(a - b) for a, b in zip(committed, expected, strict=True)) <= 1
    assert 10_000 < max(abs(s) for s in committed) < 32_767  # clearly audible, never clipped


def test_the_chime_rings_before_the_voice(qapp):
    chime = Chime()
    try:
        assert 800 <= chime.hold_ms <= 1500
        assert chime.path.is_file()
    finally:
        chime.close()


# ---- the PySide6 6.12 emit bug ----------------------------------------------------------
