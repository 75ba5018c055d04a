using JitLens.Jupyter.Kernel;
using JitLens.Jupyter.Protocol;

namespace JitLens.Jupyter;

/// <summary>The kernel process's entry: what <c>jitlens kernel run CONNECTION_FILE</c> calls.</summary>
public static class KernelHost
{
    public static int Run(string connectionFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            log.WriteLine($"jitlens kernel: cannot read the connection file {connectionFile}: {e.Message}");
            return 1;
        }

        using var server = new KernelServer(connection, log);
        var exitCode = server.Run();
        log.WriteLine("jitlens kernel: shut down");
        return exitCode;
    }
}
