"""Sends execute requests the kernel must refuse: one signed with the wrong key, one whose content was changed
after signing. Prints a JSON report: whether anything answered them, whether their code ran, and whether the
kernel still serves signed requests.

Usage: forged_signature.py KERNEL_NAME MARKER_PATH
"""
import json
import os
import queue
import sys
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

kernel_name, marker = sys.argv[1:3]
km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=300)
try:
    code = 'System.IO.File.WriteAllText(@"%s", "forged code ran"); var forged = 1;' % marker
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
    sent = []

    # 1. Signed with a key that is not the kernel's.
    forger = Session(key=b"not-the-kernel-key", username="forger")
    message = forger.msg("execute_request", content)
    forger.send(kc.shell_channel.socket, message)
    sent.append(message["header"]["msg_id"])

    # 2. Signed with the right key, then the code was swapped for other code.
    honest = Session(key=kc.session.key, username="tamperer", session=kc.session.session)
    message = honest.msg("execute_request", dict(content, code="var harmless = 1;"))
    frames = honest.serialize(message)
    frames[-1] = json.dumps(content).encode()
    kc.shell_channel.socket.send_multipart(frames)
    sent.append(message["header"]["msg_id"])

    answered = []
    deadline = time.time() + 5
    while time.time() < deadline:
        for get in (kc.get_shell_msg, kc.get_iopub_msg):
            try:
                msg = get(timeout=0.2)
            except queue.Empty:
                continue
            if msg.get("parent_header", {}).get("msg_id") in sent:
                answered.append(msg["msg_type"])

    outputs = []
    reply = kc.execute_interactive("forged", timeout=120, output_hook=lambda m: outputs.append(m))
    errors = [m["content"]["evalue"] for m in outputs if m["msg_type"] == "error"]
    reply_ok = kc.execute_interactive("40 + 2", timeout=120, output_hook=lambda m: outputs.append(m))
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    print(json.dumps({
        "answered": answered,
        "marker_exists": os.path.exists(marker),
        "forged_variable_status": reply["content"]["status"],
        "forged_variable_errors": errors,
        "after_status": reply_ok["content"]["status"],
        "after_results": results,
    }))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
