using System.Text.Json.Nodes;
using JitLens.Jupyter.Execution;
using JitLens.Jupyter.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace JitLens.Jupyter.Kernel;

/// <summary>
/// A Jupyter kernel for C#. One poller thread owns every socket (NetMQ sockets are not thread-safe): it receives,
/// answers quick requests itself and hands cells to the <see cref="CellRunner"/> thread, whose outputs come back
/// through the outbox queue. So the kernel stays responsive (heartbeat, kernel_info, interrupt) while a cell runs.
/// </summary>
public sealed partial class KernelServer : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly WireCodec _codec;
    private readonly TextWriter _log;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(Channel Channel, JupyterMessage Message)> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly CellRunner _runner;
    private readonly CSharpSession _session;
    private int _exitCode;

    public KernelServer(ConnectionInfo connection, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _log = log;
        _codec = new WireCodec(new MessageSigner(connection.Key));
        _session = new CSharpSession(Path.Combine(Path.GetTempPath(), $"jitlens-kernel-{Environment.ProcessId}"));
        _runner = new CellRunner(this, _session);
        _shell.ReceiveReady += (_, e) => Receive(Channel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(Channel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(Channel.Stdin, e.Socket);
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _outbox.ReceiveReady += (_, e) => Flush(e.Queue);
        _poller = [_shell, _control, _stdin, _heartbeat, _outbox];

        // Replies sent just before exit (shutdown_reply, the last status) still reach the client.
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>Binds the sockets and serves until a shutdown request; returns the process exit code.</summary>
    public int Run()
    {
        _shell.Bind(_connection.Address(_connection.ShellPort));
        _control.Bind(_connection.Address(_connection.ControlPort));
        _stdin.Bind(_connection.Address(_connection.StdinPort));
        _iopub.Bind(_connection.Address(_connection.IopubPort));
        _heartbeat.Bind(_connection.Address(_connection.HeartbeatPort));
        _runner.Start();
        _log.WriteLine($"jitlens kernel: listening on {_connection.Ip} (shell {_connection.ShellPort}, iopub {_connection.IopubPort}, control {_connection.ControlPort})");
        PublishStatus(null, "starting");
        _poller.Run();
        return _exitCode;
    }

    /// <summary>Queues a message for the poller thread to send; safe from any thread.</summary>
    internal void Send(Channel channel, JupyterMessage message) => _outbox.Enqueue((channel, message));

    /// <summary>Publishes on IOPub with <paramref name="parent"/> as the parent header (null before any request).</summary>
    internal void Publish(JupyterMessage? parent, string messageType, JsonObject content)
    {
        var session = parent?.Session ?? _session.Id;
        Send(Channel.IoPub, new JupyterMessage
        {
            Identities = [System.Text.Encoding.UTF8.GetBytes("kernel." + messageType)],
            Header = JupyterMessage.NewHeader(messageType, session),
            ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
            Content = content,
        });
    }

    internal void PublishStatus(JupyterMessage? parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    private void Receive(Channel channel, NetMQSocket socket)
    {
        var frames = socket.ReceiveMultipartMessage().Select(f => f.ToByteArray()).ToList();
        var message = _codec.Decode(frames, out var rejection);
        if (message is null)
        {
            // A forged or corrupt message gets no answer at all: nothing in it is trusted, not even its identity.
            _log.WriteLine($"jitlens kernel: rejected a message on {channel}: {rejection}");
            return;
        }

        try
        {
            Dispatch(channel, message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.WriteLine($"jitlens kernel: {message.MessageType} failed: {e}");
        }
    }

    private void Flush(NetMQQueue<(Channel Channel, JupyterMessage Message)> queue)
    {
        while (queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            var socket = item.Channel switch
            {
                Channel.Shell => (NetMQSocket)_shell,
                Channel.Control => _control,
                Channel.Stdin => _stdin,
                _ => _iopub,
            };
            var frames = new NetMQMessage(_codec.Encode(item.Message).Select(f => new NetMQFrame(f)));
            socket.SendMultipartMessage(frames);
        }
    }

    /// <summary>Called on the poller thread: sends what is queued (the shutdown reply), then ends <see cref="Run"/>.</summary>
    private void Stop(int exitCode)
    {
        _exitCode = exitCode;
        _runner.Stop();
        Flush(_outbox);
        _poller.Stop();
    }

    public void Dispose()
    {
        _runner.Dispose();
        _poller.Dispose();
        _outbox.Dispose();
        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _iopub.Dispose();
        _heartbeat.Dispose();
        _session.Dispose();
    }
}
