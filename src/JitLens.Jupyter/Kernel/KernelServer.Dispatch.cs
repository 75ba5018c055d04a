using System.Text.Json.Nodes;
using JitLens.Jupyter.Protocol;

namespace JitLens.Jupyter.Kernel;

public sealed partial class KernelServer
{
    private void Dispatch(Channel channel, JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "execute_request":
                // Cells run one after another on the runner thread; everything else is answered here at once.
                _runner.Enqueue(request);
                break;
            case "shutdown_request":
                var restart = (bool?)request.Content["restart"] ?? false;
                Send(channel, request.Reply("shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }));
                Stop(0);
                break;
            case "interrupt_request":
                _runner.Interrupt();
                Send(channel, request.Reply("interrupt_reply", new JsonObject { ["status"] = "ok" }));
                break;
            default:
                Answer(channel, request);
                break;
        }
    }

    /// <summary>Requests answered on the poller thread, each framed by busy and idle status as clients expect.</summary>
    private void Answer(Channel channel, JupyterMessage request)
    {
        var reply = request.MessageType switch
        {
            "kernel_info_request" => ("kernel_info_reply", KernelInfo.Content()),
            "complete_request" => ("complete_reply", _session.Intelligence.Complete((string?)request.Content["code"] ?? string.Empty, (int?)request.Content["cursor_pos"] ?? 0)),
            "inspect_request" => ("inspect_reply", _session.Intelligence.Inspect((string?)request.Content["code"] ?? string.Empty, (int?)request.Content["cursor_pos"] ?? 0)),
            "is_complete_request" => ("is_complete_reply", Execution.CodeIntelligence.IsComplete((string?)request.Content["code"] ?? string.Empty)),
            "comm_info_request" => ("comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }),
            "history_request" => ("history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }),
            _ => ((string, JsonObject)?)null,
        };
        if (reply is not var (type, content))
        {
            _log.WriteLine($"jitlens kernel: ignored unsupported {request.MessageType} on {channel}");
            return;
        }

        PublishStatus(request, "busy");
        Send(channel, request.Reply(type, content));
        PublishStatus(request, "idle");
    }
}
