using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace JitLens.Host;

/// <summary>
/// Every method of the user's assembly that has IL: constructors, compiler-generated methods (lambdas, local
/// functions, iterator and async state machines) and, for generic code, the closed instantiations the code
/// itself uses (found through its MethodSpec, MemberRef and TypeSpec tokens).
/// </summary>
internal static class MethodCatalog
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    public static IReadOnlyList<MethodBase> Discover(Assembly assembly)
    {
        var methods = new List<MethodBase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsGenericTypeDefinition)
            {
                continue;
            }

            foreach (var method in MethodsOf(type))
            {
                if (!method.IsGenericMethodDefinition)
                {
                    Add(method);
                }
            }
        }

        foreach (var method in UsedInstantiations(assembly))
        {
            Add(method);
        }

        return methods;

        void Add(MethodBase method)
        {
            if (HasBody(method) && seen.Add(DisplayNames.Of(method)))
            {
                methods.Add(method);
            }
        }
    }

    private static IEnumerable<MethodBase> MethodsOf(Type type) =>
        type.GetConstructors(Declared).Cast<MethodBase>()
            .Concat(type.TypeInitializer is { } cctor ? [cctor] : [])
            .Concat(type.GetMethods(Declared));

    private static bool HasBody(MethodBase method) =>
        !method.IsAbstract
        && (method.MethodImplementationFlags & (MethodImplAttributes.InternalCall | MethodImplAttributes.Runtime)) == 0
        && (method.Attributes & MethodAttributes.PinvokeImpl) == 0
        && method.GetMethodBody() is not null;

    /// <summary>Closed generic methods, and methods of closed generic types, that the assembly's code refers to.</summary>
    private static List<MethodBase> UsedInstantiations(Assembly assembly)
    {
        var module = assembly.ManifestModule;
        var found = new List<MethodBase>();
        foreach (var token in TokensOf(assembly, TableIndex.MethodSpec, 0x2B).Concat(TokensOf(assembly, TableIndex.MemberRef, 0x0A)))
        {
            if (TryResolveMethod(module, token) is { } method && method.Module == module && IsClosed(method))
            {
                found.Add(method);
            }
        }

        foreach (var token in TokensOf(assembly, TableIndex.TypeSpec, 0x1B))
        {
            if (TryResolveType(module, token) is { IsGenericType: true, ContainsGenericParameters: false } type
                && type.Module == module)
            {
                found.AddRange(MethodsOf(type).Where(m => !m.IsGenericMethodDefinition));
            }
        }

        return found;
    }

    private static bool IsClosed(MethodBase method) =>
        !method.ContainsGenericParameters && method.DeclaringType is not { ContainsGenericParameters: true };

    private static IEnumerable<int> TokensOf(Assembly assembly, TableIndex table, int tablePrefix)
    {
        var rows = RowCount(assembly, table);
        for (var row = 1; row <= rows; row++)
        {
            yield return (tablePrefix << 24) | row;
        }
    }

    private static int RowCount(Assembly assembly, TableIndex table)
    {
        unsafe
        {
            if (!System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out var blob, out var length))
            {
                return 0;
            }

            return new MetadataReader(blob, length).GetTableRowCount(table);
        }
    }

    private static MethodBase? TryResolveMethod(Module module, int token)
    {
        try
        {
            return module.ResolveMethod(token);
        }
        catch (ArgumentException)
        {
            // A MemberRef may name a field, or a method of another assembly that cannot be loaded.
            return null;
        }
        catch (TypeLoadException)
        {
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static Type? TryResolveType(Module module, int token)
    {
        try
        {
            return module.ResolveType(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (TypeLoadException)
        {
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
