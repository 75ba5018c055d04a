using Microsoft.Diagnostics.Runtime;

namespace JitLens.Capture;

internal sealed partial class ClrMdTarget
{
    private const string Canon = "System.__Canon";

    private List<ClrMethod>? _codeHeapMethods;

    /// <summary>
    /// The shared body (<c>Repeat&lt;__Canon&gt;</c>) an instantiation over reference types runs, found among the methods in
    /// the JIT's code heaps: until something calls the instantiation, nothing leads from its own MethodDesc or entry point to
    /// that body, so only the code itself says where it is. Null when there is not exactly one shared body of this method.
    /// </summary>
    private ClrMethod? SharedBody(ClrMethod? instantiation, int token)
    {
        if (instantiation?.Type?.Module is not { } module)
        {
            return null;
        }

        var shared = CodeHeapMethods()
            .Where(m => m.MetadataToken == token && m.Type?.Module?.Address == module.Address && (m.Signature?.Contains(Canon, StringComparison.Ordinal) ?? false))
            .ToList();
        return shared.Count == 1 ? shared[0] : null;
    }

    /// <summary>Every method with code in the JIT's code heaps, walked once from method to method (16-byte steps between them).</summary>
    private List<ClrMethod> CodeHeapMethods()
    {
        if (_codeHeapMethods is not null)
        {
            return _codeHeapMethods;
        }

        var methods = new List<ClrMethod>();
        foreach (var heap in _runtime.EnumerateJitManagers().SelectMany(j => j.EnumerateNativeHeaps()))
        {
            if (heap.Kind is not (NativeHeapKind.LoaderCodeHeap or NativeHeapKind.HostCodeHeap))
            {
                continue;
            }

            var address = heap.MemoryRange.Start;
            while (address < heap.MemoryRange.End)
            {
                var method = _runtime.GetMethodByInstructionPointer(address);
                var hot = method?.HotColdInfo ?? default;
                if (method is not null && hot.HotStart <= address && address < hot.HotStart + hot.HotSize)
                {
                    methods.Add(method);
                    address = hot.HotStart + hot.HotSize;
                }
                else
                {
                    address += 16;
                }
            }
        }

        return _codeHeapMethods = methods;
    }
}
