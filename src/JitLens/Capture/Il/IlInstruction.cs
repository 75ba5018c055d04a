using JitLens.Model;

namespace JitLens.Capture.Il;

/// <summary>One decoded IL instruction before it is attributed to a line.</summary>
/// <param name="Call">For <c>call</c> and <c>callvirt</c>: the method called; null for every other instruction.</param>
internal sealed record IlInstruction(int Offset, string Text, ControlFlowKind Flow, IReadOnlyList<int> Targets, IlCall? Call = null);

/// <summary>The method an IL call names.</summary>
/// <param name="Name">As the IL view shows it, e.g. <c>System.Collections.IEnumerator.MoveNext()</c>.</param>
/// <param name="Virtual">A <c>callvirt</c>: the JIT may make it an interface, virtual or delegate call.</param>
/// <param name="Definition">The token of the method's definition when it is in the same assembly (its IL can be read), else 0.</param>
internal sealed record IlCall(string Name, bool Virtual, int Definition);
