using System.Diagnostics;
using System.Text.Json.Nodes;
using JitLens.Jupyter.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace JitLens.Kernel.Bench;

/// <summary>A minimal Jupyter client over the real wire protocol: signed requests on shell, outputs from IOPub.</summary>
internal sealed class KernelClient : IDisposable
{
    private readonly DealerSocket _shell = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly WireCodec _codec;
    private readonly string _session = Guid.NewGuid().ToString("N");

    public KernelClient(ConnectionInfo connection)
    {
        _codec = new WireCodec(new MessageSigner(connection.Key));
        _shell.Connect(connection.Address(connection.ShellPort));
        _iopub.Connect(connection.Address(connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
    }

    /// <summary>Waits until the kernel answers kernel_info and its IOPub messages reach us (ZeroMQ's slow joiner).</summary>
    public void WaitUntilReady(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var id = Send("kernel_info_request", []);
            if (WaitFor(m => m.MessageType == "status" && (string?)m.ParentHeader["msg_id"] == id, TimeSpan.FromSeconds(2)) is not null)
            {
                DrainShell();
                return;
            }
        }

        throw new TimeoutException("The kernel did not become ready.");
    }

    /// <summary>Runs a cell; returns the time until the first IOPub message of <paramref name="outputType"/>, and the reply status.</summary>
    public (TimeSpan Elapsed, string Status) Execute(string code, string outputType)
    {
        var clock = Stopwatch.StartNew();
        var id = Send("execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false });
        var said = new List<string>();
        var output = WaitFor(
            m =>
            {
                if ((string?)m.ParentHeader["msg_id"] != id)
                {
                    return false;
                }

                if (m.MessageType is "stream" or "error")
                {
                    said.Add((string?)m.Content["text"] ?? (string?)m.Content["evalue"] ?? string.Empty);
                }

                return m.MessageType == outputType || (m.MessageType == "status" && (string?)m.Content["execution_state"] == "idle");
            },
            TimeSpan.FromMinutes(3));
        if (output?.MessageType != outputType)
        {
            throw new InvalidOperationException($"No {outputType} for the cell; it said: {string.Join(" ", said)}");
        }

        var elapsed = clock.Elapsed;
        WaitFor(m => m.MessageType == "status" && (string?)m.Content["execution_state"] == "idle" && (string?)m.ParentHeader["msg_id"] == id, TimeSpan.FromMinutes(2));
        var reply = ReceiveShell(TimeSpan.FromMinutes(2));
        return (elapsed, (string?)reply.Content["status"] ?? "?");
    }

    private string Send(string type, JsonObject content)
    {
        var message = new JupyterMessage { Header = JupyterMessage.NewHeader(type, _session, "bench"), Content = content };
        _shell.SendMultipartMessage(new NetMQMessage(_codec.Encode(message).Select(f => new NetMQFrame(f))));
        return message.MessageId;
    }

    private JupyterMessage? WaitFor(Func<JupyterMessage, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            NetMQMessage? frames = null;
            if (!_iopub.TryReceiveMultipartMessage(timeout - clock.Elapsed, ref frames))
            {
                return null;
            }

            var message = _codec.Decode(frames.Select(f => f.ToByteArray()).ToList(), out _);
            if (message is not null && match(message))
            {
                return message;
            }
        }

        return null;
    }

    private JupyterMessage ReceiveShell(TimeSpan timeout)
    {
        NetMQMessage? frames = null;
        if (!_shell.TryReceiveMultipartMessage(timeout, ref frames))
        {
            throw new TimeoutException("No reply on shell.");
        }

        return _codec.Decode(frames.Select(f => f.ToByteArray()).ToList(), out var why) ?? throw new InvalidDataException(why);
    }

    private void DrainShell()
    {
        NetMQMessage? frames = null;
        while (_shell.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref frames))
        {
        }
    }

    public void Dispose()
    {
        _shell.Dispose();
        _iopub.Dispose();
    }
}
