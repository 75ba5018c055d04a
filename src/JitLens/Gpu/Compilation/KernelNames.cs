using System.Reflection;
using System.Text.RegularExpressions;

namespace JitLens.Gpu.Compilation;

/// <summary>
/// Kernel display names: <c>Namespace.Type.Method</c>, the same in the model, the CLI's --kernel and the JSON.
/// Lambdas, which C# compiles to <c>Type.&lt;&gt;c.&lt;Run&gt;b__0_0</c>, read <c>Type.Run.&lt;lambda 0_0&gt;</c>.
/// </summary>
public static partial class KernelNames
{
    public static string Of(MethodInfo method)
    {
        var type = method.DeclaringType;
        if (Lambda().Match(method.Name) is { Success: true } lambda)
        {
            var owner = type is { Name: var n, DeclaringType: { } outer } && n.StartsWith('<') ? outer : type;
            return $"{TypeName(owner)}.{lambda.Groups["outer"].Value}.<lambda {lambda.Groups["id"].Value}>";
        }

        return $"{TypeName(type)}.{method.Name}";
    }

    private static string TypeName(Type? type) => type is null ? "" : (type.FullName ?? type.Name).Replace('+', '.');

    [GeneratedRegex(@"^<(?<outer>[^>]+)>b__(?<id>[\w]+)$")]
    private static partial Regex Lambda();
}
