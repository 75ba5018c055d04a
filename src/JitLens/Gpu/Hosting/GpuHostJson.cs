using System.Text.Json.Serialization;

namespace JitLens.Gpu.Hosting;

/// <summary>The host contract's JSON, generated at build time so that a natively compiled jitlens can read and write it.</summary>
[JsonSerializable(typeof(GpuHostRequest))]
[JsonSerializable(typeof(GpuHostKernels))]
[JsonSerializable(typeof(GpuHostRuns))]
internal sealed partial class GpuHostJson : JsonSerializerContext;
