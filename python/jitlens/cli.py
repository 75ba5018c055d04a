"""Finds and runs the ``jitlens`` command for the magic."""

import os
import shutil
import subprocess

# What the command itself may take on top of running the cell: a cold .NET start, mapping and rendering.
OVERHEAD_SECONDS = 60


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


def inspect(path, arguments, timeout):
    """Runs ``jitlens inspect PATH ARGUMENTS...`` and returns its standard output.

    ``timeout`` is the time the command may give the cell (its --timeout); the command gets a little more."""
    limit = timeout + OVERHEAD_SECONDS
    try:
        done = subprocess.run([*command(), "inspect", path, *arguments], capture_output=True, text=True,
                              timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        raise JitLensError(f"jitlens did not finish within {limit} s.") from None
    except OSError as e:
        raise JitLensError(f"jitlens could not be started: {e}") from None
    if done.returncode != 0:
        raise JitLensError(done.stderr.strip() or f"jitlens exited with code {done.returncode}.")
    return done.stdout
