using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// Runs one container as a local process group: starts it, captures its output as the container log, probes
/// readiness, and restarts it per the pod's restart policy with a growing back-off.
/// </summary>
public sealed class ContainerRunner
{
    private readonly Lock _gate = new();
    private readonly JsonObject _container;
    private readonly PodContext _pod;
    private ProcessGroup? _group;
    private StreamWriter? _log;
    private string _image;
    private bool _restartRequested;

    public ContainerRunner(JsonObject container, bool isInit, PodContext pod)
    {
        _container = container;
        _pod = pod;
        IsInit = isInit;
        Name = container.Str("name") ?? "";
        _image = container.Str("image") ?? "";
        LogPath = Path.Combine(pod.Directory, Name + ".log");
    }

    public string Name { get; }

    public string Image => _image;

    public bool IsInit { get; }

    public string LogPath { get; }

    public string PreviousLogPath => LogPath + ".previous";

    public ContainerState State { get; private set; } = ContainerState.Waiting("ContainerCreating");

    public ContainerState? LastState { get; private set; }

    public int RestartCount { get; private set; }

    public bool Ready { get; private set; }

    public bool Started { get; private set; }

    /// <summary>True once the container has exited for good (no restart will follow).</summary>
    public bool Finished { get; private set; }

    public int? ProcessId => State.ProcessId;

    /// <summary>Runs the container until it finishes for good or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(string restartPolicy, CancellationToken stop)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            var startedAt = DateTimeOffset.UtcNow;
            ContainerState exited;
            try
            {
                var group = Start(stop);
                using var probing = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var readiness = WatchReadinessAsync(probing.Token);
                await group.Process.WaitForExitAsync(CancellationToken.None);
                await probing.CancelAsync();
                await readiness;
                var code = group.Process.ExitCode;
                exited = ContainerState.Terminated(code, code == 0 ? "Completed" : "Error", Json.Timestamp(startedAt), Json.Now());
                lock (_gate)
                {
                    _group = null;
                    group.Dispose();
                    _log?.Dispose();
                    _log = null;
                }
            }
            catch (ContainerConfigException e)
            {
                // Kubelet keeps retrying until the missing ConfigMap or Secret appears.
                _pod.Record("Warning", "Failed", $"Error: {e.Message}");
                Update(ContainerState.Waiting("CreateContainerConfigError", e.Message), ready: false);
                await Delay(backoff, stop);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is ContainerStartException or Win32Exception)
            {
                exited = ContainerState.Terminated(128, "StartError", Json.Timestamp(startedAt), Json.Now(), e.Message);
                _pod.Record("Warning", "Failed", $"Error: {e.Message}");
            }

            var restart = !stop.IsCancellationRequested && (_restartRequested || restartPolicy == "Always" || (restartPolicy == "OnFailure" && exited.ExitCode != 0));
            if (_restartRequested)
            {
                // A changed image restarts the container at once, as a new definition rather than a crash.
                _restartRequested = false;
                LastState = exited;
                RestartCount++;
                continue;
            }

            if (!restart)
            {
                Finished = true;
                Update(exited, ready: false);
                return;
            }

            backoff = DateTimeOffset.UtcNow - startedAt > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(1) : backoff;
            LastState = exited;
            RestartCount++;
            var waiting = $"back-off {backoff.TotalSeconds}s restarting failed container={Name} pod={_pod.Name}";
            _pod.Record("Warning", "BackOff", $"Back-off restarting failed container {Name} in pod {_pod.Name}");
            Update(ContainerState.Waiting("CrashLoopBackOff", waiting), ready: false);
            await Delay(backoff, stop);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _pod.Options.MaxRestartBackoff.Ticks));
        }
    }

    /// <summary>
    /// The pod's spec now names another image for this container: a real kubelet kills the container and starts
    /// it again from the new image; here the same program starts again (images are not run).
    /// </summary>
    public void ChangeImage(string image)
    {
        lock (_gate)
        {
            _image = image;
            if (_group is null)
            {
                return;
            }

            _restartRequested = true;
            _group.Terminate();
            var group = _group;
            _ = KillIfStillRunningAsync(group, TimeSpan.FromSeconds(10));
        }

        _pod.Record("Normal", "Killing", $"Container {Name} definition changed, will be restarted");
    }

    private static async Task KillIfStillRunningAsync(ProcessGroup group, TimeSpan grace)
    {
        await Task.Delay(grace);
        try
        {
            if (!group.Process.HasExited)
            {
                group.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited and released: nothing left to kill.
        }
    }

    /// <summary>Sends SIGKILL to the container's processes, as an out-of-memory kill or a crash would end them.</summary>
    public bool Kill()
    {
        lock (_gate)
        {
            _group?.Kill();
            return _group is not null;
        }
    }

    public void Terminate()
    {
        lock (_gate)
        {
            _group?.Terminate();
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        Process? process;
        lock (_gate)
        {
            process = _group?.Process;
        }

        if (process is null)
        {
            return true;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private ProcessGroup Start(CancellationToken stop)
    {
        var env = ContainerEnvironment.Build(_pod.Pod, _container, _pod.PodIp, _pod.Store);
        foreach (var key in env.Keys.ToList())
        {
            env[key] = _pod.Dns(env[key]);
        }

        var (fileName, arguments) = ContainerCommand.Resolve(_container, env, _pod.PodIp, _pod.Dns, _pod.Options);
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _container.Str("workingDir") is { } dir && Directory.Exists(dir) ? dir : _pod.Directory,
        };
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        // A container sees its own environment, not the test host's.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(_pod.Directory, "home")).FullName;
        start.Environment["HOSTNAME"] = _pod.Name;
        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        lock (_gate)
        {
            // Checked under the lock that Kill takes, so a stopping pod never gains a process.
            stop.ThrowIfCancellationRequested();
            if (File.Exists(LogPath) && Started)
            {
                File.Move(LogPath, PreviousLogPath, overwrite: true);
            }

            _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
            var group = ProcessGroup.Start(start);
            group.Process.StandardInput.Close();
            group.Process.OutputDataReceived += (_, e) => WriteLog(e.Data);
            group.Process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
            group.Process.BeginOutputReadLine();
            group.Process.BeginErrorReadLine();
            _group = group;
            Started = true;
            State = ContainerState.Running(Json.Now(), group.Id);
        }

        _pod.Record("Normal", "Started", $"Started container {Name}");
        _pod.Changed();
        return _group;
    }

    private async Task WatchReadinessAsync(CancellationToken cancellationToken)
    {
        if (_container["readinessProbe"] is not JsonObject spec || IsInit)
        {
            Update(State, ready: true);
            return;
        }

        var probe = new Probe(spec, _container, _pod.PodIp);
        var period = probe.Period < _pod.Options.MaxProbePeriod ? probe.Period : _pod.Options.MaxProbePeriod;
        var failures = 0;
        try
        {
            await Task.Delay(probe.InitialDelay < TimeSpan.FromSeconds(5) ? probe.InitialDelay : TimeSpan.FromSeconds(5), cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var ok = await probe.CheckAsync(cancellationToken);
                failures = ok ? 0 : failures + 1;
                if (ok && !Ready)
                {
                    Update(State, ready: true);
                }
                else if (!ok && Ready && failures >= probe.FailureThreshold)
                {
                    Update(State, ready: false);
                }

                await Task.Delay(period, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The container exited or the pod is stopping.
        }
    }

    private void Update(ContainerState state, bool ready)
    {
        lock (_gate)
        {
            State = state;
            Ready = ready && state.Kind == "running";
        }

        _pod.Changed();
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log?.WriteLine(line);
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the run.
        }
    }
}
