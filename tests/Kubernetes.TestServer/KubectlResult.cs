namespace Kubernetes.TestServer;

/// <summary>What a kubectl run printed and how it exited.</summary>
public sealed record KubectlResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with kubectl's own words when it failed, so a failing test says why.</summary>
    public KubectlResult EnsureSuccess() => Succeeded
        ? this
        : throw new InvalidOperationException($"kubectl exited with {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".Trim());

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
