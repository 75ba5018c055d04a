using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>A container's state as <c>containerStatuses[].state</c> reports it.</summary>
public sealed record ContainerState(string Kind, string? Reason = null, string? Message = null, int? ExitCode = null, string? StartedAt = null, string? FinishedAt = null, int? ProcessId = null)
{
    public static ContainerState Waiting(string reason, string? message = null) => new("waiting", reason, message);

    public static ContainerState Running(string startedAt, int processId) => new("running", StartedAt: startedAt, ProcessId: processId);

    public static ContainerState Terminated(int exitCode, string reason, string? startedAt, string finishedAt, string? message = null) =>
        new("terminated", reason, message, exitCode, startedAt, finishedAt);

    public JsonObject ToJson()
    {
        var body = new JsonObject();
        if (Kind == "running")
        {
            body["startedAt"] = StartedAt;
        }
        else if (Kind == "waiting")
        {
            body["reason"] = Reason;
            if (Message is not null)
            {
                body["message"] = Message;
            }
        }
        else
        {
            body["exitCode"] = ExitCode;
            body["reason"] = Reason;
            if (Message is not null)
            {
                body["message"] = Message;
            }

            body["startedAt"] = StartedAt;
            body["finishedAt"] = FinishedAt;
        }

        return new JsonObject { [Kind] = body };
    }
}
