using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace JitLens.Host;

/// <summary>Runs and JITs the user's code. Everything here may throw, loop or overflow the stack: the parent is ready for it.</summary>
internal static class UserCode
{
    /// <summary>Static constructors run first, as in steady state, so that optimized code carries no class-init checks.</summary>
    public static void RunStaticConstructors(IEnumerable<MethodBase> methods, HostChannel channel)
    {
        var types = methods.Select(m => m.DeclaringType)
            .OfType<Type>()
            .Where(t => !t.ContainsGenericParameters && t.TypeInitializer is not null)
            .Distinct();
        foreach (var type in types)
        {
            channel.Send("cctor", ("type", DisplayNames.FullTypeName(type)));
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException e)
            {
                throw new UserCodeException(Describe($"The static constructor of {DisplayNames.FullTypeName(type)}", e.InnerException ?? e));
            }
        }
    }

    public static void Prepare(MethodBase method)
    {
        // PrepareMethod compiles nothing for a method whose MethodDesc has no stable entry point yet (virtual and
        // interface methods of classes, explicit interface implementations, an iterator's MoveNext): asking for its
        // function pointer first gives it one, and then PrepareMethod JITs it like any other method.
        _ = method.MethodHandle.GetFunctionPointer();
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : [];
        var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : [];
        var instantiation = typeArguments.Concat(methodArguments).Select(a => a.TypeHandle).ToArray();
        if (instantiation.Length == 0)
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        else
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
        }
    }

    /// <summary>What the warm-up runs: the program's entry point or, without one, every static parameterless method.</summary>
    public static IReadOnlyList<MethodInfo> WarmUpTargets(Assembly assembly, IEnumerable<MethodBase> methods) =>
        assembly.EntryPoint is { } entry
            ? [entry]
            : methods.OfType<MethodInfo>()
                .Where(m => m.IsStatic && m.GetParameters().Length == 0 && !m.IsGenericMethod && !m.Name.Contains('<', StringComparison.Ordinal)
                    && m.DeclaringType is { ContainsGenericParameters: false })
                .ToList();

    /// <summary>Runs <paramref name="target"/> once (an entry point gets an empty argument list), waiting for a returned task.</summary>
    public static void Invoke(MethodInfo target)
    {
        object?[]? arguments = target.GetParameters().Length == 1 ? [Array.Empty<string>()] : null;
        try
        {
            var result = target.Invoke(null, arguments);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (TargetInvocationException e)
        {
            throw new UserCodeException(Describe($"{DisplayNames.Of(target)}, run to warm up tiered compilation,", e.InnerException ?? e));
        }
    }

    private static string Describe(string what, Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() is not null);
        var where = frame is null ? string.Empty : $"{frame.GetFileName()}:{frame.GetFileLineNumber()}:{frame.GetFileColumnNumber()}: ";
        return $"{where}{what} threw {e.GetType().Name}: {e.Message}";
    }
}

/// <summary>The user's code failed; the message is one sentence for the user.</summary>
internal sealed class UserCodeException : Exception
{
    public UserCodeException(string message)
        : base(message)
    {
    }

    public UserCodeException()
    {
    }

    public UserCodeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
