using System.Reflection;

namespace JitLens.Host;

/// <summary>
/// The host's CPU mode (the default): loads the user's assembly, runs static constructors, JITs every selected method in the requested tier, reports
/// each method's handle on stdout, then waits (stdin open) while the parent reads the code with ClrMD.
/// Exit codes: 0 done, 2 bad arguments, 3 the user's code failed (message sent), 4 the assembly cannot be loaded.
/// </summary>
internal static class CpuMode
{
    public static int Run(string[] args)
    {
        var options = HostOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: JitLens.Host ASSEMBLY optimized|tier0|tier1-pgo [PATTERN]");
            return 2;
        }

        var channel = new HostChannel(Console.OpenStandardOutput());
        using var stdin = Console.OpenStandardInput();

        // What the user's code prints must not mix with the protocol.
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        if (options.AssemblyPath == HostOptions.AssemblyFromStdin)
        {
            // Started ahead of the compile: say so (the parent attaches its reader now), then wait for the assembly.
            channel.Send("started");
            if (ReadLine(stdin) is not { Length: > 0 } path)
            {
                return 0;
            }

            options = options with { AssemblyPath = path };
        }

        try
        {
            Run(options, channel);
        }
        catch (UserCodeException e)
        {
            channel.Send("failed", ("message", e.Message));
            return 3;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            channel.Send("failed", ("message", $"{options.AssemblyPath}: the assembly cannot be loaded: {e.Message}"));
            return 4;
        }

        // The parent reads the JIT's output while we wait; it closes stdin when done.
        var buffer = new byte[64];
        while (stdin.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return 0;
    }

    private static void Run(HostOptions options, HostChannel channel)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(options.AssemblyPath));
        var pattern = new MethodPattern(options.Pattern);
        var methods = MethodCatalog.Discover(assembly).Where(m => pattern.Matches(m, DisplayNames.Of(m))).ToList();

        // Tier1-PGO: watch the JIT from the start, to know which body of each method is current after the warm-up.
        // Tier0: to know which tier the JIT really used (it switches some methods to full optimization, e.g. a loop
        // with stackalloc, which OSR cannot leave).
        using var jit = options.Mode is HostOptions.Tier1Pgo or HostOptions.Tier0 ? JitCodeEvents.Start() : null;
        if (options.Mode != HostOptions.Tier0)
        {
            UserCode.RunStaticConstructors(methods, channel);
        }

        foreach (var method in methods)
        {
            try
            {
                UserCode.Prepare(method);
            }
            catch (Exception e) when (e is InvalidProgramException or ArgumentException or TypeLoadException or BadImageFormatException)
            {
                channel.Send("skipped", ("name", DisplayNames.Of(method)), ("reason", e.Message));
                continue;
            }
        }

        if (options.Mode == HostOptions.Tier1Pgo)
        {
            // The whole program warms up, not only the methods the pattern selects.
            var calls = TieredWarmUp.Run(UserCode.WarmUpTargets(assembly, MethodCatalog.Discover(assembly)), methods, jit, channel);
            channel.Send("warmed", ("calls", calls));

        }

        // Ending the session flushes the events still buffered: the last bodies' maps among them.
        jit?.Stop();

        var handles = methods.Select(m => (ulong)m.MethodHandle.Value).ToList();
        foreach (var method in methods)
        {
            channel.Send(
                "method",
                [
                    ("name", DisplayNames.Of(method)),
                    ("token", method.MetadataToken),
                    ("handle", (long)method.MethodHandle.Value),
                    ("entry", (long)method.MethodHandle.GetFunctionPointer()),
                    ("moveNext", StateMachineMoveNext(method)),
                    ("implFlags", (int)method.MethodImplementationFlags),
                    ("generated", method.Name.Contains('<', StringComparison.Ordinal) || (method.DeclaringType?.FullName?.Contains('<', StringComparison.Ordinal) ?? false)),
                    .. CodeReport.Fields(method, jit, handles),
                ]);
        }

        channel.Send("ready");
    }

    /// <summary>One line from stdin, read byte by byte so that nothing after it is consumed; null at end of input.</summary>
    private static string? ReadLine(Stream stdin)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stdin.ReadByte()) is not (-1 or '\n'))
        {
            bytes.Add((byte)b);
        }

        return b == -1 && bytes.Count == 0 ? null : System.Text.Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
    }

    /// <summary>For an async or iterator method, the token of its state machine's MoveNext, which holds the method's lines.</summary>
    private static int StateMachineMoveNext(MethodBase method) =>
        method.GetCustomAttribute<System.Runtime.CompilerServices.StateMachineAttribute>()?.StateMachineType
            .GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.MetadataToken ?? 0;
}
