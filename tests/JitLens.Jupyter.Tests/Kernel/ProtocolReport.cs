namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>One run of protocol.py against a real kernel; each test reads its part of the report.</summary>
public sealed class ProtocolReport() : KernelScriptReport("protocol.py");
