using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// A container's process, started through <c>setsid</c> so that it leads its own process group: signals reach
/// the whole group (a Dask nanny and the worker it spawned alike), as they would reach a container's processes.
/// </summary>
public sealed partial class ProcessGroup : IDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    private ProcessGroup(Process process) => Process = process;

    public Process Process { get; }

    public int Id => Process.Id;

    public static ProcessGroup Start(ProcessStartInfo start)
    {
        if (File.Exists("/usr/bin/setsid"))
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.FileName = "/usr/bin/setsid";
        }

        return new ProcessGroup(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"));
    }

    public void Terminate() => Signal(SigTerm);

    public void Kill() => Signal(SigKill);

    public void Dispose() => Process.Dispose();

    private void Signal(int signal)
    {
        try
        {
            // Negative pid: the whole process group; then the leader itself in case setsid was unavailable.
            _ = NativeKill(-Process.Id, signal);
            _ = NativeKill(Process.Id, signal);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeKill(int pid, int signal);
}
