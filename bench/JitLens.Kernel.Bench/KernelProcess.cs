using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using JitLens.Jupyter.Protocol;

namespace JitLens.Kernel.Bench;

/// <summary>The real kernel, started as Jupyter starts it: <c>jitlens kernel run CONNECTION_FILE</c>.</summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public KernelProcess()
    {
        _directory = Directory.CreateTempSubdirectory("jitlens-bench-").FullName;
        Connection = new ConnectionInfo
        {
            Ip = "127.0.0.1",
            ShellPort = FreePort(),
            IopubPort = FreePort(),
            StdinPort = FreePort(),
            ControlPort = FreePort(),
            HeartbeatPort = FreePort(),
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        var file = Path.Combine(_directory, "kernel.json");
        File.WriteAllText(file, JsonSerializer.Serialize(Connection));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll"));
        start.ArgumentList.Add("kernel");
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(file);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
    }

    public ConnectionInfo Connection { get; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
