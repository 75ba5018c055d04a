"""Runs %%inspect cells one after another in one kernel with Debian's jupyter_client, restarts it, shuts it down,
and prints one JSON report: each cell's view (text/plain) and status, and which JIT host processes the kernel had
started and whether any outlived it.

Usage: inspect_cells.py KERNEL_NAME
"""
import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel


def inspect(kc, code):
    outputs = []
    reply = kc.execute_interactive(code, timeout=300, output_hook=outputs.append)
    return {
        "status": reply["content"]["status"],
        "views": [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "display_data"],
        "said": [m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream"],
    }


def children(pid):
    """Pids of the JIT hosts whose parent is pid (read from /proc, as pgrep -P would)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read()
        except OSError:
            continue
        if parent == pid and b"JitLens.Host" in command:
            found.append(int(entry))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def left_after(pids, seconds=30):
    deadline = time.time() + seconds
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.2)
    return [p for p in pids if alive(p)]


def stop(km, kc):
    kc.shutdown()
    kc.get_control_msg(timeout=60)
    deadline = time.time() + 60
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.2)


def cell(constant, tier=""):
    return f"%%inspect{tier}\nint Scale(int v) => v * {constant};\nScale(2)"


kernel_name = sys.argv[1]
km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=300)
report = {}
try:
    report["first"] = inspect(kc, cell(1000003))
    report["second"] = inspect(kc, cell(2000003))
    report["tier0"] = inspect(kc, cell(3000003, " --tier tier0"))
    report["optimized_again"] = inspect(kc, cell(4000003))
    report["compare"] = inspect(kc, cell(6000003, " --compare tier0"))
    report["compare_previous"] = inspect(kc, cell(7000003, " --compare previous"))
    hosts = children(km.provisioner.pid)
    report["hosts_before_restart"] = len(hosts)

    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=300)
    report["hosts_left_after_restart"] = len(left_after(hosts))
    report["compare_nothing"] = inspect(kc, cell(5500003, " --compare previous"))
    report["after_restart"] = inspect(kc, cell(5000003))
    hosts = children(km.provisioner.pid)
    report["hosts_before_shutdown"] = len(hosts)

    stop(km, kc)
    report["exited"] = not km.is_alive()
    report["hosts_left_after_shutdown"] = len(left_after(hosts))
finally:
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)
print(json.dumps(report))
