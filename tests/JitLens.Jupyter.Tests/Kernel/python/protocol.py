"""Drives the kernel through the Jupyter messaging protocol with Debian's jupyter_client and prints one JSON
report: kernel_info, complete, inspect, is_complete, heartbeat, interrupt, restart and shutdown.

Usage: protocol.py KERNEL_NAME
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel


def execute(kc, code):
    outputs = []
    reply = kc.execute_interactive(code, timeout=120, output_hook=outputs.append)
    return {
        "status": reply["content"]["status"],
        "results": [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"],
        "errors": [m["content"]["ename"] + ": " + m["content"]["evalue"] for m in outputs if m["msg_type"] == "error"],
    }


def shell_reply(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


kernel_name = sys.argv[1]
km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=300)
report = {}
try:
    report["kernel_info"] = kc.kernel_info(reply=True, timeout=60)["content"]
    report["define"] = execute(kc, 'class Greeter { /// <summary>Says hello.</summary>\n public string Hello(string name) => $"hi {name}"; }\nvar greeter = new Greeter();')
    report["complete_member"] = kc.complete("greeter.He", 10, reply=True, timeout=60)["content"]
    report["complete_static"] = kc.complete("Console.WriteL", 14, reply=True, timeout=60)["content"]
    report["inspect"] = kc.inspect("greeter.Hello", 12, reply=True, timeout=60)["content"]
    report["is_complete_open"] = shell_reply(kc, kc.is_complete("if (greeter != null) {"))["content"]
    report["is_complete_done"] = shell_reply(kc, kc.is_complete("var a = 1;"))["content"]

    time.sleep(1.5)
    report["heartbeat"] = kc.hb_channel.is_beating()

    msg_id = kc.execute("while (true) { }")
    time.sleep(2)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id)
    report["interrupted"] = {"status": reply["content"]["status"], "ename": reply["content"].get("ename")}
    report["after_interrupt"] = execute(kc, "greeter.Hello(\"again\")")

    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=300)
    report["after_restart"] = execute(kc, "greeter")
    report["after_restart_fresh"] = execute(kc, "1 + 1")

    kc.shutdown()
    shutdown = kc.get_control_msg(timeout=60)
    report["shutdown_reply"] = {"type": shutdown["msg_type"], "status": shutdown["content"]["status"]}
    deadline = time.time() + 60
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.2)
    report["exited"] = not km.is_alive()
finally:
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)
print(json.dumps(report))
