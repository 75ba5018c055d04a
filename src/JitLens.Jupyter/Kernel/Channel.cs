namespace JitLens.Jupyter.Kernel;

/// <summary>The kernel's sockets that carry messages (the heartbeat only echoes bytes).</summary>
public enum Channel
{
    Shell,
    Control,
    Stdin,
    IoPub,
}
