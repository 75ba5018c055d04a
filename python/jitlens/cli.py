"""Finds the ``jitlens`` command and runs it for the magic: one resident ``jitlens serve`` per kernel."""

import atexit
import functools
import json
import os
import shutil
import subprocess
import threading

class JitLensError(Exception):
    """The command failed; the message is its one-sentence error."""


def command():
    """The jitlens command line: $JITLENS_CLI, then ``jitlens`` on PATH, then this repository's build output."""
    configured = os.environ.get("JITLENS_CLI")
    if configured:
        return as_command(configured)
    on_path = shutil.which("jitlens")
    if on_path:
        return [on_path]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for configuration in ("Release", "Debug"):
        build = os.path.join(repo, "src", "JitLens.Cli", "bin", configuration, "net10.0")
        for name in ("JitLens.Cli", "JitLens.Cli.dll"):
            candidate = os.path.join(build, name)
            if os.path.isfile(candidate):
                return as_command(candidate)
    raise JitLensError("The jitlens command was not found: set JITLENS_CLI, put jitlens on PATH, or build src/JitLens.Cli.")


def as_command(path):
    return ["dotnet", path] if path.endswith(".dll") else [path]


class Server:
    """``jitlens serve``, started on first use and kept for the kernel's life: .NET's start-up and JIT are paid once."""

    def __init__(self):
        self._process = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def start(self):
        """Starts the server now (the magic does so when the extension loads, so the first cell does not wait for
        .NET to start); a command that cannot be found or started is reported by the first cell instead."""
        with self._lock:
            try:
                self._ensure_started()
            except JitLensError:
                pass

    def run(self, arguments):
        """Runs ``jitlens ARGUMENTS...`` in the server; returns (exit code, stdout, stderr)."""
        with self._lock:
            for attempt in range(2):
                process = self._ensure_started()
                try:
                    process.stdin.write(json.dumps(arguments).encode("utf-8") + b"\n")
                    process.stdin.flush()
                    line = process.stdout.readline()
                except (BrokenPipeError, OSError):
                    line = ""
                if line:
                    answer = json.loads(line)
                    return answer["exitCode"], answer["stdout"], answer["stderr"]
                # The server ended (killed, or crashed on this request): start a fresh one and ask once more.
                self._stop()
            raise JitLensError("jitlens serve ended without answering, twice; run the jitlens command by hand to see why.")

    def _ensure_started(self):
        if self._process is None or self._process.poll() is not None:
            try:
                # Each command's own stderr comes back in its answer; the server's would only fill an unread pipe.
                # A managed jitlens JITs each method once, fully optimised: a resident process answering similar
                # requests would otherwise spend each cell's time re-JITting what tiered compilation found hot
                # (measured: 0.13 s CPU per cell with tiering, 0.03 s without). The native tool ignores it.
                environment = dict(os.environ, DOTNET_TieredCompilation="0")
                # Bytes, with a large buffer: an answer is one JSON line of a few hundred KiB, which a text pipe would
                # read 8 KiB at a time.
                self._process = subprocess.Popen([*command(), "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                 stderr=subprocess.DEVNULL, env=environment, bufsize=1 << 20)
            except OSError as e:
                raise JitLensError(f"jitlens could not be started: {e}") from None
        return self._process

    def _stop(self):
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def close(self):
        if self._process is not None and self._process.poll() is None:
            self._process.stdin.close()  # end of input ends the server
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None


SERVER = Server()


def inspect(path, arguments):
    """Runs ``jitlens inspect PATH ARGUMENTS...`` in the resident server and returns its standard output."""
    return _output(["inspect", path, *arguments])


def diff(path, arguments):
    """Runs ``jitlens diff PATH ARGUMENTS...`` (one file, inspected two ways) in the resident server; returns its output."""
    return _output(["diff", path, *arguments])


@functools.cache
def views():
    """The tool's view catalog (``jitlens views --format json``): a list of views with name, flag, help, frontEnds.
    Asked once per process: the catalog is part of the tool, which does not change under a running kernel."""
    return json.loads(_output(["views", "--format", "json"]))["views"]


def _output(arguments):
    exit_code, stdout, stderr = SERVER.run(arguments)
    if exit_code != 0:
        raise JitLensError(stderr.strip() or f"jitlens exited with code {exit_code}.")
    return stdout
