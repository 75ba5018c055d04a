using System.Globalization;
using System.Text.Json;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Capture;

/// <summary>
/// One run of the JIT host: started early, handed the user's assembly, read until it reports "ready" (every method JITted),
/// kept waiting while the caller reads its memory, then ended. User code that throws, loops or overflows the
/// stack becomes an <see cref="InspectionException"/>; the host is killed at the time limit.
/// </summary>
internal sealed class HostSession : IDisposable
{
    private readonly ChildProcess _process;

    private HostSession(ChildProcess process)
    {
        _process = process;
    }

    public int ProcessId => _process.ProcessId;

    public IList<HostMethod> Methods { get; } = new List<HostMethod>();

    /// <summary>How many times the Tier1-PGO warm-up called the program (0: nothing to call, or another tier).</summary>
    public int WarmUpCalls { get; private set; }

    /// <summary>Warm-up targets that threw (display name → what happened); the warm-up went on without them.</summary>
    public IDictionary<string, string> WarmUpFailures { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Methods the JIT refused (invalid IL, unsatisfiable constraints), with the reason.</summary>
    public IList<string> Skipped { get; } = new List<string>();

    /// <summary>
    /// Starts a host that waits for its assembly on stdin, so that its start-up overlaps the compile;
    /// <see cref="LoadAsync"/> hands it the assembly.
    /// </summary>
    /// <param name="timeout">The time limit for the whole host; the Tier1-PGO warm-up may use half of it.</param>
    public static HostSession Launch(JitTier tier, string? pattern, TimeSpan timeout, IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        // "-": the assembly path follows on stdin.
        var start = HostLocator.StartInfo(["-", ModeName(tier), pattern ?? string.Empty]);
        // A loaded machine can take many seconds to tier code up: the warm-up's budget follows the user's time limit.
        start.Environment["JITLENS_WARMUP_BUDGET_MS"] = ((long)(timeout.TotalMilliseconds / 2)).ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in TierEnvironment(tier).Concat(extraEnvironment ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var session = new HostSession(ChildProcess.Start(start, "The JIT host", "The JIT host process could not be started."));
        session.Started = session.ReadStartedAsync();
        return session;
    }

    /// <summary>Completes once the host's runtime is up and it waits for the assembly (it can be attached to from then on).</summary>
    public Task Started { get; private set; } = Task.CompletedTask;

    /// <summary>Hands the host its assembly and reads until every method is JITted ("ready").</summary>
    public async Task LoadAsync(string assemblyPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await Started.WaitAsync(limit.Token).ConfigureAwait(false);
            await _process.Input.WriteLineAsync(assemblyPath.AsMemory(), limit.Token).ConfigureAwait(false);
            await _process.Input.FlushAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new InspectionException($"The JIT host did not start within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped.");
        }
        catch (IOException)
        {
            throw Crashed(activity: null);
        }

        await ReadUntilReadyAsync(limit, timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadStartedAsync()
    {
        var line = await _process.Output.ReadLineAsync().ConfigureAwait(false);
        if (line is null || !line.Contains("\"started\"", StringComparison.Ordinal))
        {
            throw Crashed(activity: null);
        }
    }

    public static string ModeName(JitTier tier) => tier switch
    {
        JitTier.Tier0 => "tier0",
        JitTier.Tier1Pgo => "tier1-pgo",
        _ => "optimized",
    };

    private static Dictionary<string, string> TierEnvironment(JitTier tier) => tier switch
    {
        // Plain Tier0 (no instrumentation), as PrepareMethod leaves it.
        JitTier.Tier0 => new() { ["DOTNET_TieredCompilation"] = "1", ["DOTNET_TieredPGO"] = "0" },

        // Let call counting start at once so that the warm-up reaches Tier1 quickly.
        JitTier.Tier1Pgo => new() { ["DOTNET_TieredCompilation"] = "1", ["DOTNET_TieredPGO"] = "1", ["DOTNET_TC_CallCountingDelayMs"] = "0" },
        _ => new() { ["DOTNET_TieredCompilation"] = "0" },
    };

    private async Task ReadUntilReadyAsync(CancellationTokenSource limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? activity = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _process.Output.ReadLineAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Kill();
                var seconds = timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
                throw new InspectionException(activity is null
                    ? $"The JIT host did not finish within {seconds} s and was stopped."
                    : $"The user's code did not finish within {seconds} s while {activity} (an endless loop?); jitlens stopped it.");
            }

            if (line is null)
            {
                throw Crashed(activity);
            }

            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            switch (root.GetProperty("kind").GetString())
            {
                case "cctor":
                    activity = $"running the static constructor of {root.GetProperty("type").GetString()}";
                    break;
                case "warmup":
                    activity = $"running {root.GetProperty("method").GetString()} to warm up tiered compilation";
                    break;
                case "warmed":
                    WarmUpCalls = root.GetProperty("calls").GetInt32();
                    break;
                case "warmupFailed":
                    WarmUpFailures[root.GetProperty("method").GetString()!] = root.GetProperty("message").GetString()!;
                    break;
                case "skipped":
                    Skipped.Add($"{root.GetProperty("name").GetString()}: {root.GetProperty("reason").GetString()}");
                    break;
                case "method":
                    Methods.Add(new HostMethod(
                        root.GetProperty("name").GetString()!,
                        root.GetProperty("token").GetInt32(),
                        (ulong)root.GetProperty("handle").GetInt64(),
                        (ulong)root.GetProperty("entry").GetInt64(),
                        root.GetProperty("generated").GetBoolean(),
                        root.GetProperty("moveNext").GetInt32(),
                        HostCodeBody.From(root))
                    {
                        ImplFlags = (System.Reflection.MethodImplAttributes)root.GetProperty("implFlags").GetInt32(),
                    });
                    break;
                case "failed":
                    throw new InspectionException(root.GetProperty("message").GetString()!);
                case "ready":
                    return;
            }
        }
    }

    private InspectionException Crashed(string? activity)
    {
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        var stderr = _process.Errors.ToString();

        var during = activity is null ? string.Empty : $" while {activity}";
        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return new InspectionException($"The user's code overflowed the stack{during}; the JIT host crashed.");
        }

        var firstLine = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var exit = _process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return new InspectionException($"The JIT host exited unexpectedly (code {exit}){during}{(firstLine is null ? "." : ": " + firstLine)}");
    }

    /// <summary>Stops the host at once (its read took too long).</summary>
    public void Kill() => _process.Kill();

    /// <summary>Lets the host exit (it waits for stdin to close); kills it if it does not.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Input.Close();
                _process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (IOException)
        {
            Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
