using System.CommandLine;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>GPU kernels: the CUDA architecture to compile for, and methods to treat as kernels besides the loaded ones.</summary>
internal sealed class GpuInspectOptions : IInspectOptions
{
    private readonly Option<string?> _arch = new("--arch")
    {
        Description = "GPU kernels: CUDA architecture for PTX and SASS, e.g. sm_75, sm_80, sm_86, sm_90 (default sm_90).",
    };

    private readonly Option<string?> _kernel = new("--kernel")
    {
        Description = "GPU kernels: also compile static methods matching this pattern (* wildcards) as ILGPU kernels, besides those passed to accelerator.Load*Kernel.",
    };

    public IEnumerable<Option> Options => [_arch, _kernel];

    public InspectRequest Apply(InspectRequest request, ParseResult parse) => request with
    {
        Arch = parse.GetValue(_arch) ?? request.Arch,
        KernelPattern = parse.GetValue(_kernel) ?? request.KernelPattern,
    };
}
