"""Announcing calls in the lobby: a chime, then the sentence in Mandarin, one call at a time.

The display hands every call to one ``Announcer``; it queues them, so ten counters calling in
the same second are heard one after another, never over each other. Speech is offline
(QtTextToSpeech: speech-dispatcher + espeak-ng on Linux, SAPI/WinRT voices on Windows): a
hall's network has no internet.

Why the spoken text differs from the shown one: the screen says "请 A015 号到 3号窗口办理", the
voice is given "请 A 0 1 5 号，到 3号窗口办理". Engines read "A015" as a quantity ("A 十五");
letter and digits separated by spaces are read one by one by every engine we tried. Digits stay
Arabic because espeak-ng 1.51 (Debian 12) reads Chinese characters through their pinyin in
English in its "latin as English" Mandarin voice ("好" -> "hao two"), while it reads Arabic
digits right in both of its Mandarin voices; for the same reason the "latin as Pinyin" voice is
preferred (espeak-ng issue #1236).

The engine lives on its own thread: a wedged speech service (seen with speech-dispatcher on a
PC without a sound device: a client's first call blocks for good) must never freeze the
display. A watchdog moves the queue on when an utterance does not finish in time.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
import wave
from collections import deque
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger(__name__)

VoiceChooser = Callable[[QTextToSpeech], "QVoice | None"]

NO_SPEECH = "none"  # engine name that turns speech off on purpose (chime and visuals only)


# ---- a PySide6 6.12 bug ---------------------------------------------------------------------


# ---- sentences -----------------------------------------------------------------------------


def display_sentence(ticket: str, counter_name: str) -> str:
    """The call as the screen shows it: 请 A015 号到 3号窗口办理."""
    return QCoreApplication.translate("Announcer", "请 {ticket} 号到 {counter}办理").format(
        ticket=ticket, counter=counter_name
    )


def spell_ticket(ticket: str) -> str:
    """A015 -> "A 0 1 5": one symbol at a time, so no engine reads it as a quantity."""
    return " ".join(ch for ch in ticket if not ch.isspace())


def speech_sentence(ticket: str, counter_name: str) -> str:
    """The call as the voice is given it (always Mandarin: the hall's language)."""
    counter = re.sub(r"\s*[（(]\s*(.*?)\s*[)）]\s*", r" \1 ", counter_name).strip()
    return f"请 {spell_ticket(ticket)} 号，到 {counter}办理"


# ---- choosing a voice ----------------------------------------------------------------------

_NOT_MANDARIN = ("cantonese", "yue", "hakka", "jyutping", "min nan", "粤", "客家")
_MANDARIN = re.compile(r"mandarin|(?<![a-z])cmn(?![a-z])|普通话|国语")
_CHINESE = re.compile(r"chinese|中文|汉语|(?<![a-z])zh(?![a-z])")


def voice_rank(name: str, locale: QLocale) -> int | None:
    """How well a voice suits a mainland hall (higher is better), or None if it does not.

    The locale decides where the engine reports one (SAPI/WinRT: zh_CN); otherwise the name
    does: speech-dispatcher lists espeak-ng's "Chinese (Mandarin, latin as Pinyin)" under the C
    locale, because its language code "cmn" has no QLocale.
    """
    lowered = name.lower()
    language = locale.language()
    if language == QLocale.Language.Cantonese or any(w in lowered for w in _NOT_MANDARIN):
        return None
    if language == QLocale.Language.Chinese:
        territory = locale.territory()
        if territory in (QLocale.Country.HongKong, QLocale.Country.Macao):
            return None  # Cantonese voices
        score = 50 if territory in (QLocale.Country.China, QLocale.Country.AnyTerritory) else 40
    elif _MANDARIN.search(lowered):
        score = 25 if "pinyin" in lowered else 20
    elif _CHINESE.search(lowered):
        score = 10
    else:
        return None
    if "+" in name:  # espeak-ng variants ("...+Alex"): prefer the plain voice
        score -= 1
    return score


def choose_chinese_voice(tts: QTextToSpeech) -> QVoice | None:
    """The best Mandarin voice of an engine, looking in its Chinese locales and the C locale."""
    original = tts.locale()
    locales = [original]
    for locale in tts.availableLocales():
        if (
            locale.language() in (QLocale.Language.Chinese, QLocale.Language.C)
            and locale not in locales
        ):
            locales.append(locale)
    found: list[tuple[int, str, QVoice]] = []
    for locale in locales:
        if locale != tts.locale():
            tts.setLocale(locale)
        for voice in tts.availableVoices():
            score = voice_rank(voice.name(), voice.locale())
            if score is not None:
                found.append((score, voice.name(), voice))
    if not found:
        if tts.locale() != original:
            tts.setLocale(original)
        return None
    # Highest score; among equals the shortest (plainest) name, then alphabetical.
    found.sort(key=lambda f: (-f[0], len(f[1]), f[1]))
    return found[0][2]


def default_engine() -> str | None:
    """speech-dispatcher on Linux; elsewhere Qt's own choice (WinRT/SAPI, AVFoundation)."""
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if not engines:
        return None
    if sys.platform.startswith("linux"):
        return "speechd" if "speechd" in engines else engines[0]
    return ""  # the platform default


def speechd_socket() -> Path:
    """Where libspeechd looks for speech-dispatcher (unless SPEECHD_ADDRESS says otherwise)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base or Path.home() / ".cache") / "speech-dispatcher" / "speechd.sock"


def speechd_answers(path: Path | None = None, timeout: float = 2.0) -> bool:
    """False when a speech-dispatcher is listening but does not answer.

    Such a daemon (seen after it lost its sound device) makes Qt's speechd engine block its
    caller for good, inside a constructor that holds Python's lock: the whole display would
    freeze. No socket, or a stale one, is fine: the engine then starts a fresh daemon.
    """
    path = path or speechd_socket()
    if not path.exists():
        return True
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(path))
            conn.sendall(b"GET OUTPUT_MODULES\r\n")
            reply = b""
            # SSIP replies end with a line "NNN text" (continuation lines are "NNN-text").
            while not re.search(rb"(^|\n)\d{3} ", reply):
                chunk = conn.recv(4096)
                if not chunk:
                    break
                reply += chunk
            conn.sendall(b"QUIT\r\n")
    except (ConnectionRefusedError, FileNotFoundError):
        return True  # stale socket: nobody listens, a new daemon will be started
    except OSError:
        return False  # includes the timeout
    return True


# ---- the chime -----------------------------------------------------------------------------


def _wav_ms(path: Path) -> int:
    with wave.open(str(path), "rb") as wav:
        return int(1000 * wav.getnframes() / wav.getframerate())


class Chime(QObject):
    """The two-tone "ding-dong" before a call (``resources/sounds/chime.wav``).

    Signals:
    - played(): the chime was started (also when there is no audio output, so a test or the
      log can tell the announcement happened).

    ``hold_ms`` is how long the announcer lets it ring before speaking. Without an audio output
    (a display PC whose TV is still off) it stays silent and says so once in the log; it uses
    whichever output is the default at each call, so a screen switched on later is heard.
    """

    played = Signal()

    def __init__(
        self, parent: QObject | None = None, *, volume: float = 0.8, hold_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        self._files = ExitStack()
        source = resources.files("resources").joinpath("sounds/chime.wav")
        self.path = self._files.enter_context(resources.as_file(source))
        # The tail of the second note may overlap the start of the speech.
        self.hold_ms = hold_ms if hold_ms is not None else max(0, _wav_ms(self.path) - 350)
        self.volume = volume
        self._effect: QSoundEffect | None = None
        self._warned = False
        QMediaDevices.audioOutputs()  # the first look starts the audio backend: not mid-call

    def play(self) -> None:
        self.played.emit()
        if not QMediaDevices.audioOutputs():
            if not self._warned:
                self._warned = True
                log.warning("no audio output: the call chime and voice cannot be heard")
            return
        if self._effect is None:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(self.path)))
            self._effect.setVolume(self.volume)
        self._effect.setAudioDevice(QMediaDevices.defaultAudioOutput())
        self._effect.play()

    def close(self) -> None:
        if self._effect is not None:
            self._effect.stop()
        self._files.close()


# ---- the speech thread ---------------------------------------------------------------------


class _Speaker(QObject):
    """Owns the QTextToSpeech engine on the speech thread.

    Signals (received queued on the UI thread):
    - opened(str voice, str problem): the engine is set up; ``voice`` empty when unusable;
    - started(int token) / ended(int token): an utterance began / ended.
    """

    opened = Signal(str, str)
    started = Signal(int)
    ended = Signal(int)

    def __init__(
        self, engine: str | None, choose: VoiceChooser, rate: float, volume: float
    ) -> None:
        super().__init__()
        self._engine = engine
        self._choose = choose
        self._rate = rate
        self._volume = volume
        self._tts: QTextToSpeech | None = None
        self._token = 0

    @Slot()
    def open(self) -> None:
        voice, problem = self._setup()
        self.opened.emit(voice, problem)

    def _setup(self) -> tuple[str, str]:
        """(voice name, "") when speech works, else ("", why not; empty when turned off)."""
        engine = self._engine if self._engine is not None else default_engine()
        if engine is None:
            return "", (
                "no speech engine is installed (Linux: speech-dispatcher with espeak-ng; "
                "Windows: a Chinese SAPI/WinRT voice)"
            )
        if engine == NO_SPEECH:
            return "", ""
        available = QTextToSpeech.availableEngines()
        if engine and engine not in available:
            return "", f"speech engine {engine!r} is not available (have {available})"
        if engine == "speechd" and not speechd_answers():
            return "", (
                f"speech-dispatcher does not answer at {speechd_socket()} "
                "(restart it: killall speech-dispatcher)"
            )
        tts = QTextToSpeech(engine, self)
        if tts.state() == QTextToSpeech.State.Error:
            return "", f"speech engine {tts.engine()!r} failed: {tts.errorString()}"
        voice = self._choose(tts)
        if voice is None:
            return "", (
                f"speech engine {tts.engine()!r} has no Mandarin voice "
                "(Linux: install speech-dispatcher-espeak-ng)"
            )
        tts.setVoice(voice)
        tts.setRate(self._rate)
        tts.setVolume(self._volume)
        tts.stateChanged.connect(self._state_changed)
        self._tts = tts
        return voice.name(), ""

    @Slot(int, str)
    def say(self, token: int, text: str) -> None:
        if self._tts is None:
            self.ended.emit(token)
            return
        self._token = token
        self._tts.say(text)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None and self._tts.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Paused,
            QTextToSpeech.State.Synthesizing,
        ):
            self._tts.stop()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking:
            self.started.emit(self._token)
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            if state == QTextToSpeech.State.Error and self._tts is not None:
                log.warning("speech error: %s", self._tts.errorString())
            self.ended.emit(self._token)


# ---- the announcer -------------------------------------------------------------------------


@dataclass(frozen=True)
class Announcement:
    shown: str  # the sentence on screen
    spoken: str  # the text given to the voice


class Announcer(QObject):
    """One queue of call announcements, played one at a time: chime, then the sentence
    ``repeat`` times; the next begins only when the voice has finished.

    Signals:
    - announcing(str): an announcement begins (the shown sentence); the chime plays now;
    - spoken(str): an utterance begins, with the exact text given to the voice (once per repeat);
    - announced(str): the announcement is over (the shown sentence);
    - voice_ready(str): speech is set up, with the voice's name, or "" when there is no speech
      (the announcements then go on with chime and visuals only).

    ``engine``: None picks the platform's engine ("speechd" on Linux); "mock" is Qt's test
    engine; "none" turns speech off. ``choose_voice`` picks the voice (default: the best Mandarin
    one). ``utterance_timeout_ms``: None allows time in proportion to the sentence.
    """

    announcing = Signal(str)
    spoken = Signal(str)
    announced = Signal(str)
    voice_ready = Signal(str)

    _open = Signal()
    _say = Signal(int, str)
    _stop = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engine: str | None = None,
        repeat: int = 2,
        choose_voice: VoiceChooser = choose_chinese_voice,
        rate: float = -0.1,
        volume: float = 1.0,
        chime: Chime | None = None,
        gap_ms: int = 700,
        silent_hold_ms: int = 1500,
        voice_wait_ms: int = 5000,
        utterance_timeout_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.repeat = max(1, repeat)
        self.chime = chime if chime is not None else Chime()
        self.chime.setParent(self)
        self.gap_ms = gap_ms
        self.silent_hold_ms = silent_hold_ms
        self.voice_wait_ms = voice_wait_ms
        self.utterance_timeout_ms = utterance_timeout_ms

        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._repeats_left = 0
        self._token = 0
        self._phase = "idle"  # idle | chime | voice_wait | speaking | between | gap
        self._voice: str | None = None  # None: still opening; "": no speech
        self._engine_stuck = False  # a stalled engine is never called again
        self._closed = False

        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.timeout.connect(self._advance)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stalled)

        self._thread = QThread(self)
        self._thread.setObjectName("speech")
        self._speaker = _Speaker(engine, choose_voice, rate, volume)
        self._speaker.moveToThread(self._thread)
        self._thread.finished.connect(self._speaker.deleteLater)
        self._open.connect(self._speaker.open)
        self._say.connect(self._speaker.say)
        self._stop.connect(self._speaker.stop)
        self._speaker.opened.connect(self._opened)
        self._speaker.started.connect(self._utterance_started)
        self._speaker.ended.connect(self._utterance_ended)
        self._thread.start()
        self._open.emit()

    # ---- public ------------------------------------------------------------------------

    def announce(self, ticket: str, counter_name: str) -> None:
        """Queue a call; it plays after every call queued before it."""
        if self._closed:
            return
        self._queue.append(
            Announcement(
                display_sentence(ticket, counter_name), speech_sentence(ticket, counter_name)
            )
        )
        if self._phase == "idle":
            self._next()

    def set_repeat(self, repeat: int) -> None:
        self.repeat = max(1, int(repeat))

    @property
    def queue_length(self) -> int:
        """Announcements waiting their turn (not counting the one playing)."""
        return len(self._queue)

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def voice_name(self) -> str | None:
        """The voice in use, "" without speech, None while the engine is still opening."""
        return self._voice

    def close(self) -> None:
        """Stop at once and end the speech thread (teardown)."""
        if self._closed:
            return
        self._closed = True
        self._phase = "idle"
        self._current = None
        self._queue.clear()
        self._step.stop()
        self._watchdog.stop()
        if not self._engine_stuck:
            self._stop.emit()
        self._thread.quit()
        if not self._thread.wait(5000):
            # The engine is stuck inside the speech service; the process is ending anyway.
            log.warning("the speech engine does not answer; abandoning its thread")
            self._thread.terminate()
            self._thread.wait(1000)
        self.chime.close()

    # ---- the sequence ------------------------------------------------------------------

    def _next(self) -> None:
        if not self._queue:
            self._current = None
            self._phase = "idle"
            return
        self._current = self._queue.popleft()
        self._repeats_left = self.repeat
        self._phase = "chime"
        self.announcing.emit(self._current.shown)
        self.chime.play()
        self._step.start(self.chime.hold_ms)

    def _advance(self) -> None:
        """The step timer fired: what happens next depends on the phase."""
        if self._closed:
            return
        if self._phase == "chime":
            self._speak_or_hold()
        elif self._phase == "voice_wait":  # the engine did not open in time
            self._phase = "gap"
            self._step.start(self.silent_hold_ms)
        elif self._phase == "between":
            self._say_current()
        elif self._phase == "gap":
            assert self._current is not None
            shown = self._current.shown
            self._current = None
            self.announced.emit(shown)
            self._next()

    def _speak_or_hold(self) -> None:
        if self._voice:
            self._say_current()
        elif self._voice is None:
            self._phase = "voice_wait"
            self._step.start(self.voice_wait_ms)
        else:
            self._phase = "gap"
            self._step.start(self.silent_hold_ms)

    def _say_current(self) -> None:
        assert self._current is not None
        self._token += 1
        self._phase = "speaking"
        text = self._current.spoken
        timeout = self.utterance_timeout_ms
        if timeout is None:
            timeout = 4000 + 450 * len(text.replace(" ", ""))
        self._watchdog.start(timeout)
        self._say.emit(self._token, text)

    def _utterance_started(self, token: int) -> None:
        if self._closed:
            return  # answers still queued from the speech thread after close()
        if token == self._token and self._phase == "speaking" and self._current is not None:
            self.spoken.emit(self._current.spoken)

    def _utterance_ended(self, token: int) -> None:
        if self._closed or token != self._token or self._phase != "speaking":
            return  # a late answer about an utterance the watchdog already gave up on
        self._watchdog.stop()
        self._after_utterance()

    def _stalled(self) -> None:
        """The voice outlived its time. Seen with speech-dispatcher on a PC without a sound
        device: the engine stays "speaking" for good, and calling it again (even ``stop()``)
        blocks while holding Python's lock, which would freeze the display. So it is left
        alone from now on, and the calls go on with the chime and the screen."""
        if self._closed or self._phase != "speaking":
            return
        log.warning(
            "the voice did not finish speaking in %d ms (no sound device, or the speech service "
            "hangs); calls go on with the chime and the screen only",
            self._watchdog.interval(),
        )
        self._engine_stuck = True
        self._voice = ""
        self._repeats_left = 0
        self._after_utterance()

    def _after_utterance(self) -> None:
        self._repeats_left -= 1
        if self._repeats_left > 0 and self._voice:
            self._phase = "between"
        else:
            self._phase = "gap"
        self._step.start(self.gap_ms)

    def _opened(self, voice: str, problem: str) -> None:
        if self._closed:
            return
        self._voice = voice
        if voice:
            log.info("announcing calls with the voice %r", voice)
        elif problem:
            log.warning(
                "calls will not be spoken: %s; the chime and the screen still work", problem
            )
        else:
            log.info("speech is turned off; calls are shown and chimed only")
        self.voice_ready.emit(voice)
        if self._phase == "voice_wait":
            self._step.stop()
            self._speak_or_hold()
