using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// Calls into the CPython C API (<c>Py*</c> functions) inside a loop of a Numba function's LLVM IR: each iteration
/// leaves compiled code for the interpreter's objects (print, object mode, boxing a value for Python).
/// </summary>
public sealed class PythonApiRemark : RemarkKind
{
    public override string Name => "python-api";

    public override string Singular => "line calling the CPython C API in a loop";

    public override string Plural => "lines calling the CPython C API in a loop";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        LlvmCalls.ByLine(facts.LlvmCalls.Where(c => c.InLoop && (c.Callee.StartsWith("Py", StringComparison.Ordinal) || c.Callee.StartsWith("_Py", StringComparison.Ordinal))))
            .Select(l => Remark(l.Line, $"calls the CPython C API inside a loop ({string.Join(", ", l.Callees)}): every iteration works on Python objects", Views.LlvmIrView.Id, inLoop: true));
}
