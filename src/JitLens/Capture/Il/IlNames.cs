using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace JitLens.Capture.Il;

/// <summary>C#-style names for IL operands (methods, fields, types) read from the assembly's metadata.</summary>
internal sealed class IlNames : ISignatureTypeProvider<string, IlGenericContext?>
{
    private readonly MetadataReader _reader;

    public IlNames(MetadataReader reader)
    {
        _reader = reader;
    }

    /// <summary>
    /// The generic parameters of the method whose IL is being named: a <c>!!0</c> or <c>!0</c> in an operand's type
    /// (<c>IComparable&lt;!!0&gt;</c>) is that method's, shown by its name (<c>IComparable&lt;T&gt;</c>).
    /// </summary>
    public IlGenericContext? Outer { get; set; }

    /// <summary>The names of the generic parameters of a method and of its declaring type.</summary>
    public IlGenericContext ContextOf(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        return new IlGenericContext(ParameterNames(_reader.GetTypeDefinition(method.GetDeclaringType()).GetGenericParameters()), ParameterNames(method.GetGenericParameters()));
    }

    public string Token(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
            HandleKind.MemberReference => MemberReference((MemberReferenceHandle)handle),
            HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
            HandleKind.FieldDefinition => Field((FieldDefinitionHandle)handle),
            HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => Type(handle),
            _ => $"token 0x{token:x8}",
        };
    }

    public string UserString(int token) => Quote(_reader.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF)));

    public string Method(MethodDefinitionHandle handle) => Method(handle, methodArguments: null);

    /// <summary>
    /// A method definition, with its own generic parameters by name (<c>Largest&lt;T&gt;(T[])</c>) or, when
    /// <paramref name="methodArguments"/> are given, instantiated (<c>Largest&lt;int&gt;(int[])</c>).
    /// </summary>
    private string Method(MethodDefinitionHandle handle, ImmutableArray<string>? methodArguments)
    {
        var method = _reader.GetMethodDefinition(handle);
        var declaring = method.GetDeclaringType();
        var typeParameters = ParameterNames(_reader.GetTypeDefinition(declaring).GetGenericParameters());
        var arguments = methodArguments ?? ParameterNames(method.GetGenericParameters());
        var signature = method.DecodeSignature(this, new IlGenericContext(typeParameters, arguments));
        return $"{TypeDefinition(declaring)}.{_reader.GetString(method.Name)}{TypeArgumentList(arguments)}({string.Join(", ", signature.ParameterTypes)})";
    }

    /// <summary>
    /// A method or field of another type: <c>AsyncTaskMethodBuilder&lt;int&gt;.SetResult(int)</c>. The parent's type arguments
    /// stand in for the signature's <c>!0</c>, and <paramref name="methodArguments"/>, when given, for its <c>!!0</c>.
    /// </summary>
    private string MemberReference(MemberReferenceHandle handle, ImmutableArray<string>? methodArguments = null)
    {
        var member = _reader.GetMemberReference(handle);
        var name = _reader.GetString(member.Name);
        var parent = Type(member.Parent);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            return $"{parent}.{name}";
        }

        var blob = _reader.GetBlobReader(member.Signature);
        var count = blob.ReadSignatureHeader().IsGeneric ? blob.ReadCompressedInteger() : 0;
        var arguments = methodArguments ?? [.. Enumerable.Range(0, count).Select(i => "!!" + i)];
        var signature = member.DecodeMethodSignature(this, new IlGenericContext(TypeArgumentsOf(member.Parent), arguments));
        return $"{parent}.{name}{TypeArgumentList(arguments)}({string.Join(", ", signature.ParameterTypes)})";
    }

    /// <summary>A generic method instantiated: the method named with its type arguments in place of its parameters.</summary>
    private string MethodSpecification(MethodSpecificationHandle handle)
    {
        var spec = _reader.GetMethodSpecification(handle);
        var arguments = spec.DecodeSignature(this, null);
        return spec.Method.Kind == HandleKind.MethodDefinition
            ? Method((MethodDefinitionHandle)spec.Method, arguments)
            : MemberReference((MemberReferenceHandle)spec.Method, arguments);
    }

    /// <summary>The type arguments of a generic instantiation (a TypeSpec parent such as <c>List&lt;int&gt;</c>), else none.</summary>
    private ImmutableArray<string> TypeArgumentsOf(EntityHandle parent)
    {
        if (parent.Kind != HandleKind.TypeSpecification)
        {
            return [];
        }

        var blob = _reader.GetBlobReader(_reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return [];
        }

        var decoder = new SignatureDecoder<string, IlGenericContext?>(this, _reader, null);
        decoder.DecodeType(ref blob);
        var count = blob.ReadCompressedInteger();
        var arguments = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            arguments.Add(decoder.DecodeType(ref blob));
        }

        return arguments.MoveToImmutable();
    }

    private ImmutableArray<string> ParameterNames(GenericParameterHandleCollection parameters) =>
        [.. parameters.Select(g => _reader.GetString(_reader.GetGenericParameter(g).Name))];

    private static string TypeArgumentList(ImmutableArray<string> arguments) =>
        arguments.IsDefaultOrEmpty ? string.Empty : "<" + string.Join(", ", arguments) + ">";

    private string Field(FieldDefinitionHandle handle)
    {
        var field = _reader.GetFieldDefinition(handle);
        return $"{TypeDefinition(field.GetDeclaringType())}.{_reader.GetString(field.Name)}";
    }

    private string Type(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeDefinition((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => GetTypeFromReference(_reader, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
        _ => handle.Kind.ToString(),
    };

    private string TypeDefinition(TypeDefinitionHandle handle) => GetTypeFromDefinition(_reader, handle, 0);

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = StripArity(reader.GetString(type.Name));
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return GetTypeFromDefinition(reader, declaring, rawTypeKind) + "." + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeReference(handle);
        var name = StripArity(reader.GetString(type.Name));
        var ns = reader.GetString(type.Namespace);
        var full = ns.Length == 0 ? name : ns + "." + name;
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "." + name;
        }

        return Keyword(full) ?? full;
    }

    public string GetTypeFromSpecification(MetadataReader reader, IlGenericContext? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.TypedReference => "TypedReference",
        _ => typeCode.ToString(),
    };

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => "ref " + elementType;

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType == "System.Nullable" && typeArguments.Length == 1
            ? typeArguments[0] + "?"
            : genericType + "<" + string.Join(", ", typeArguments) + ">";

    public string GetGenericMethodParameter(IlGenericContext? genericContext, int index) =>
        (genericContext ?? Outer) is { MethodArguments: var a } && !a.IsDefault && index < a.Length ? a[index] : "!!" + index;

    public string GetGenericTypeParameter(IlGenericContext? genericContext, int index) =>
        (genericContext ?? Outer) is { TypeArguments: var a } && !a.IsDefault && index < a.Length ? a[index] : "!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        "delegate*<" + string.Join(", ", signature.ParameterTypes.Append(signature.ReturnType)) + ">";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetPinnedType(string elementType) => elementType;

    private static string StripArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? name[..tick] : name;
    }

    private static string? Keyword(string fullName) => fullName switch
    {
        "System.Int32" => "int",
        "System.Int64" => "long",
        "System.String" => "string",
        "System.Object" => "object",
        "System.Boolean" => "bool",
        "System.Double" => "double",
        "System.Single" => "float",
        "System.Void" => "void",
        _ => null,
    };

    private static string Quote(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return "\"" + escaped + "\"";
    }
}

/// <summary>What a signature's <c>!n</c> (type) and <c>!!n</c> (method) generic parameters stand for: names or type arguments.</summary>
internal sealed record IlGenericContext(ImmutableArray<string> TypeArguments, ImmutableArray<string> MethodArguments);
