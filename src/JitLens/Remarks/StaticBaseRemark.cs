using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A static-base or class-initialisation helper: the code asks the runtime for a class's statics because their class
/// constructor may not have run yet (CORINFO_HELP_GETSHARED_*STATIC_BASE, CLASSINIT; .NET 10's managed StaticsHelpers).
/// </summary>
public sealed class StaticBaseRemark : RemarkKind
{
    public override string Name => "static-base";

    public override string Singular => "static-base helper";

    public override string Plural => "static-base helpers";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        facts.Calls
            .Where(c => IsStaticBaseHelper(c.Operand))
            .Select(c => Remark(c.Line, $"static base / class-init check: calls {c.Helper ?? c.Callee ?? c.Operand} until the class constructor has run", facts.DotnetAsm!.View, c.InLoop));

    public static bool IsStaticBaseHelper(string operand) =>
        (operand.Contains("CORINFO_HELP_", StringComparison.Ordinal) && (operand.Contains("STATIC_BASE", StringComparison.Ordinal) || operand.Contains("CLASSINIT", StringComparison.Ordinal) || operand.Contains("INITCLASS", StringComparison.Ordinal)))
        || operand.Contains("StaticsHelpers.", StringComparison.Ordinal);
}
