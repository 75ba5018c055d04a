using System.Text.Json.Serialization;

namespace JitLens.Numba;

/// <summary>The capture script's report, read with JSON code generated at build time (a natively compiled jitlens has no reflection-based JSON).</summary>
[JsonSerializable(typeof(CaptureReport))]
internal sealed partial class CaptureReportJson : JsonSerializerContext;
