using JitLens.Jupyter.Inspect;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace JitLens.Jupyter.Execution;

/// <summary>
/// The notebook's C# state: each cell is a Roslyn scripting submission that continues the previous one, so
/// variables, methods and types of earlier cells stay usable. A cell that does not compile leaves the state as it was.
/// </summary>
public sealed class CSharpSession : IDisposable
{
    private readonly CellConsole _stdout = new("stdout");
    private readonly CellConsole _stderr = new("stderr");
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;
    private readonly CellNames _names;
    private readonly CellInspector _inspector;
    private ScriptState<object>? _state;

    public CSharpSession(string workDirectory)
    {
        _names = new CellNames(workDirectory);
        _inspector = new CellInspector(Path.Combine(workDirectory, "assemblies"), _names);
        Intelligence = new CodeIntelligence(Continue);
        Console.SetOut(_stdout);
        Console.SetError(_stderr);
    }

    /// <summary>A session id for messages the kernel sends before any request.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public CodeIntelligence Intelligence { get; }

    /// <summary>Compiles and runs one cell; returns the error Jupyter should show, or null when it succeeded.</summary>
    public async Task<CellError?> ExecuteAsync(string code, int executionCount, ICellOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        _stdout.Target = output;
        _stderr.Target = output;
        try
        {
            return await ExecuteCoreAsync(code, executionCount, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _stdout.Target = null;
            _stderr.Target = null;
        }
    }

    private async Task<CellError?> ExecuteCoreAsync(string code, int executionCount, ICellOutput output, CancellationToken cancellationToken)
    {
        var magic = InspectMagic.Parse(code);
        if (magic is { Error: { } magicError })
        {
            return new CellError("UsageError", magicError, [magicError, InspectMagic.Usage]);
        }

        if (magic is { Help: true })
        {
            output.Stream("stdout", InspectMagic.Usage + "\n");
            return null;
        }

        if (magic is not null)
        {
            _inspector.Prepare(magic);
        }

        // The magic line becomes a comment, so the cell's line numbers stay the ones the user sees.
        var source = magic is null ? code : "//" + code;
        var path = _names.Add(source, executionCount);
        var script = Continue(source, path);
        var errors = magic is null
            ? script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList()
            : _inspector.Write(script.GetCompilation(), path, cancellationToken);
        if (errors.Count > 0)
        {
            return ErrorFormatter.Compilation(errors, _names);
        }

        if (magic is not null)
        {
            await _inspector.ShowAsync(script.GetCompilation(), path, magic, output, cancellationToken).ConfigureAwait(false);
        }

        return await RunAsync(script, output, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CellError?> RunAsync(Script<object> script, ICellOutput output, CancellationToken cancellationToken)
    {
        var previous = _state;
        var run = CellThread.Run(() => previous is null
            ? script.RunAsync(globals: null, catchException: _ => true, cancellationToken)
            : script.RunFromAsync(previous, catchException: _ => true, cancellationToken));

        // .NET cannot abort a running thread: on interrupt the cell is given up (its state discarded) and the kernel moves on.
        var interrupted = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(run, interrupted).ConfigureAwait(false) != run)
        {
            const string message = "The cell was interrupted; its definitions are discarded (code already running cannot be stopped and finishes in the background).";
            return new CellError("Interrupted", message, [message]);
        }

        var state = await run.ConfigureAwait(false);
        _state = state;
        _stdout.Flush();
        _stderr.Flush();
        if (state.Exception is { } exception)
        {
            return ErrorFormatter.Exception(exception, _names);
        }

        if (state.ReturnValue is { } value)
        {
            output.Result(new System.Text.Json.Nodes.JsonObject { ["text/plain"] = ValueFormatter.Format(value) });
        }

        return null;
    }

    /// <summary>The cell as a continuation of everything that ran so far.</summary>
    private Script<object> Continue(string source, string path)
    {
        var options = ScriptSetup.Options.WithFilePath(path);
        return _state is null ? CSharpScript.Create<object>(source, options) : _state.Script.ContinueWith<object>(source, options);
    }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _stdout.Dispose();
        _stderr.Dispose();
        _inspector.Dispose();
        try
        {
            Directory.Delete(_names.Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still in use (a JIT host that is shutting down) leaves the folder to the system's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: nothing the user needs.
        }
    }
}
