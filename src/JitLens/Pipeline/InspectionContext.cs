using JitLens.Model;

namespace JitLens.Pipeline;

/// <summary>State that flows through the stages: the request, what earlier stages produced, and the growing model.</summary>
public sealed class InspectionContext
{
    public InspectionContext(InspectRequest request)
    {
        Request = request;
    }

    public InspectRequest Request { get; }

    /// <summary>The result every renderer reads.</summary>
    public InspectionResult Result { get; } = new();

    /// <summary>The compiled C# input on disk (assembly with its PDB next to it), set by the compile stage.</summary>
    public CompiledInput? Compiled { get; set; }

    /// <summary>A JIT host started ahead of the compile; the capture stage takes it over, else the pipeline ends it.</summary>
    internal Capture.JitHostLaunch? EarlyJitHost { get; set; }

    /// <summary>How long each stage that applied took, in the order they ran (for `jitlens inspect --timings`).</summary>
    public IList<StageTiming> StageTimings { get; } = new List<StageTiming>();

    /// <summary>Directories stages created (e.g. the compiled assembly's); the pipeline removes them when it finishes.</summary>
    public IList<string> TemporaryDirectories { get; } = new List<string>();
}

/// <summary>The wall time one pipeline stage took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>A built assembly on disk with its portable PDB beside it, and the sources it came from.</summary>
public sealed record CompiledInput(string AssemblyPath, string PdbPath, IReadOnlyList<SourceDocument> Sources);
