using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Reflection.Emit;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace JitLens.Host;

/// <summary>
/// The runtime's own JIT events in this process, read over an EventPipe session on ourselves: every body of native code
/// the JIT produces (Tier0, instrumented Tier0, OSR, Tier1 with PGO) with its address, size, tier and IL→native map,
/// keyed by the method's MethodDesc. ClrMD cannot tell the bodies apart (it pairs the current code with the first body's
/// IL→native map); these events say which bodies exist, which is newest, and how each maps to IL. An in-process
/// EventListener would be simpler, but the runtime delivers MethodILToNativeMap to it without the offset arrays.
/// </summary>
internal sealed class JitCodeEvents : IDisposable
{
    // On a loaded machine the reader can be seconds behind; the parent's time limit still bounds the whole host.
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    private const string MarkPrefix = "JitLens_EventMark_";

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, List<JitCodeBody>> _bodies = [];
    private readonly Dictionary<(ulong Module, int Token), HashSet<ulong>> _methodsByToken = [];
    private readonly Dictionary<ulong, ulong> _moduleOf = [];

    // The map event follows the load event of the same compilation on the same thread.
    private readonly Dictionary<(int Thread, ulong Method), JitCodeBody> _awaitingMap = [];
    private readonly EventPipeSession _session;
    private int _marksSent;
    private int _lastMarkSeen;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private bool _stopped;

    private JitCodeEvents(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Clr.MethodLoadVerbose += OnMethodLoad;
        _source.Clr.MethodILToNativeMap += OnMap;
        _processing = Task.Run(() => _source.Process());
    }

    /// <summary>Starts watching; null when this process's diagnostics channel is unavailable (e.g. DOTNET_EnableDiagnostics=0).</summary>
    public static JitCodeEvents? Start()
    {
        var keywords = ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.JittedMethodILToNativeMap;
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)keywords);
        try
        {
            var session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(provider, requestRundown: false);
            return new JitCodeEvents(session);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until the event stream has caught up with now, at most <paramref name="limit"/>: JITs a small dynamic method
    /// (a mark) and waits for its load event. The stream can lag by seconds on a loaded machine; without this, "no news"
    /// from it would pass for "nothing happened". Past the limit the caller goes on with what has arrived.
    /// </summary>
    public void CatchUp(TimeSpan limit)
    {
        var mark = ++_marksSent;
        var method = new DynamicMethod(MarkPrefix + mark.ToString(CultureInfo.InvariantCulture), typeof(int), Type.EmptyTypes, typeof(JitCodeEvents).Module);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4, mark);
        il.Emit(OpCodes.Ret);
        method.CreateDelegate<Func<int>>()();

        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _lastMarkSeen) < mark && clock.Elapsed < limit)
        {
            Thread.Sleep(10);
        }
    }

    /// <summary>
    /// Every body the JIT produced for the method with this MethodDesc, oldest first. Reflection's handle is not always the
    /// MethodDesc the code belongs to (a value type's unboxing stub, an instantiation of shared generic code): then the
    /// method with the same token in one of <paramref name="userHandles"/>' modules, if there is exactly one.
    /// </summary>
    public IReadOnlyList<JitCodeBody> BodiesOf(ulong methodDesc, int token, IEnumerable<ulong> userHandles)
    {
        lock (_gate)
        {
            if (_bodies.TryGetValue(methodDesc, out var list))
            {
                return [.. list];
            }

            var candidates = userHandles
                .Select(h => _moduleOf.TryGetValue(h, out var module) ? module : 0)
                .Where(m => m != 0)
                .Distinct()
                .SelectMany(m => _methodsByToken.TryGetValue((m, token), out var ids) ? ids : [])
                .Distinct()
                .ToList();
            return candidates.Count == 1 ? [.. _bodies[candidates[0]]] : [];
        }
    }

    /// <summary>Ends the session and waits for the events still in flight, so that every body has its map.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            _session.Stop();
        }
        catch (Exception e) when (e is ServerErrorException or IOException or TimeoutException)
        {
            // The session is gone already; what was read so far stands.
        }

        _processing.Wait(StopLimit);
    }

    public void Dispose()
    {
        Stop();
        _source.Dispose();
        _session.Dispose();
    }

    private void OnMethodLoad(MethodLoadUnloadVerboseTraceData data)
    {
        if (data.MethodName.StartsWith(MarkPrefix, StringComparison.Ordinal))
        {
            if (int.TryParse(data.MethodName.AsSpan(MarkPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var mark))
            {
                Volatile.Write(ref _lastMarkSeen, Math.Max(Volatile.Read(ref _lastMarkSeen), mark));
            }

            return;
        }

        var method = unchecked((ulong)data.MethodID);
        var module = unchecked((ulong)data.ModuleID);
        if (method == 0 || data.MethodStartAddress == 0)
        {
            return;
        }

        // TraceEvent decodes MethodFlags' tier bits with the runtime's numbering; ReadyToRun and PreJIT never come from the JIT.
        var tier = (int)data.OptimizationTier is >= 0 and <= (int)JitCodeTier.OptimizedTier1Instrumented
            ? (JitCodeTier)(int)data.OptimizationTier
            : JitCodeTier.Unknown;
        lock (_gate)
        {
            var body = new JitCodeBody(data.MethodStartAddress, data.MethodSize, tier, data.TimeStampRelativeMSec);
            if (!_bodies.TryGetValue(method, out var list))
            {
                _bodies[method] = list = [];
            }

            list.Add(body);
            _awaitingMap[(data.ThreadID, method)] = body;
            _moduleOf[method] = module;
            if (!_methodsByToken.TryGetValue((module, data.MethodToken), out var ids))
            {
                _methodsByToken[(module, data.MethodToken)] = ids = [];
            }

            ids.Add(method);
        }
    }

    private void OnMap(MethodILToNativeMapTraceData data)
    {
        var map = new List<JitMapEntry>(data.CountOfMapEntries);
        for (var i = 0; i < data.CountOfMapEntries; i++)
        {
            map.Add(new JitMapEntry(data.ILOffset(i), data.NativeOffset(i)));
        }

        lock (_gate)
        {
            if (_awaitingMap.Remove((data.ThreadID, unchecked((ulong)data.MethodID)), out var body))
            {
                body.Map = map;
            }
        }
    }
}
