using System.Reflection;

namespace JitLens.Host;

/// <summary>C#-style names for methods and types, e.g. <c>Ns.Outer.Inner.Sum&lt;int&gt;(int[], ref long)</c>.</summary>
internal static class DisplayNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char", [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int",
        [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float",
        [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string",
        [typeof(object)] = "object", [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    public static string Of(MethodBase method)
    {
        var type = method.DeclaringType is { } t ? FullTypeName(t) + "." : string.Empty;
        var generic = method is MethodInfo { IsGenericMethod: true } m
            ? "<" + string.Join(", ", m.GetGenericArguments().Select(Short)) + ">"
            : string.Empty;
        var parameters = string.Join(", ", method.GetParameters().Select(p => Short(p.ParameterType)));
        return $"{type}{method.Name}{generic}({parameters})";
    }

    /// <summary>Namespace, enclosing types and generic arguments: <c>Ns.Outer.Box&lt;int&gt;</c>.</summary>
    public static string FullTypeName(Type type)
    {
        var prefix = type.DeclaringType is { } outer && !type.IsGenericParameter
            ? FullTypeName(outer) + "."
            : string.IsNullOrEmpty(type.Namespace) ? string.Empty : type.Namespace + ".";
        return prefix + Short(type, qualifyNested: false);
    }

    /// <summary>The short C# spelling used in parameter lists: <c>int[]</c>, <c>List&lt;string&gt;</c>, <c>ref long</c>.</summary>
    public static string Short(Type type) => Short(type, qualifyNested: true);

    private static string Short(Type type, bool qualifyNested)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (type.IsByRef)
        {
            return "ref " + Short(type.GetElementType()!);
        }

        if (type.IsPointer)
        {
            return Short(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            return Short(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var outer = qualifyNested && type.DeclaringType is { } d && !type.IsGenericParameter ? Short(d) + "." : string.Empty;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (type.IsGenericType)
        {
            // Only this type's own arguments: nested types repeat their outer type's arguments.
            var all = type.GetGenericArguments();
            var inherited = type.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments().Length : 0;
            var own = all.Skip(inherited).ToArray();
            if (own.Length > 0)
            {
                if (type.GetGenericTypeDefinition() == typeof(Nullable<>))
                {
                    return Short(own[0]) + "?";
                }

                name += "<" + string.Join(", ", own.Select(Short)) + ">";
            }
        }

        return outer + name;
    }
}
