using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace JitLens.Capture.Il;

/// <summary>C#-style names for IL operands (methods, fields, types) read from the assembly's metadata.</summary>
internal sealed class IlNames : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;

    public IlNames(MetadataReader reader)
    {
        _reader = reader;
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

    public string Method(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        var signature = method.DecodeSignature(this, null);
        var generics = method.GetGenericParameters();
        var typeArgs = generics.Count == 0 ? string.Empty : "<" + string.Join(", ", generics.Select(g => _reader.GetString(_reader.GetGenericParameter(g).Name))) + ">";
        return $"{TypeDefinition(method.GetDeclaringType())}.{_reader.GetString(method.Name)}{typeArgs}({string.Join(", ", signature.ParameterTypes)})";
    }

    private string MemberReference(MemberReferenceHandle handle)
    {
        var member = _reader.GetMemberReference(handle);
        var name = _reader.GetString(member.Name);
        var parent = Type(member.Parent);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            return $"{parent}.{name}";
        }

        var signature = member.DecodeMethodSignature(this, null);
        var typeArgs = signature.GenericParameterCount == 0 ? string.Empty : "<" + string.Join(", ", Enumerable.Range(0, signature.GenericParameterCount).Select(i => "!!" + i)) + ">";
        return $"{parent}.{name}{typeArgs}({string.Join(", ", signature.ParameterTypes)})";
    }

    private string MethodSpecification(MethodSpecificationHandle handle)
    {
        var spec = _reader.GetMethodSpecification(handle);
        var arguments = spec.DecodeSignature(this, null);
        var method = spec.Method.Kind == HandleKind.MethodDefinition
            ? Method((MethodDefinitionHandle)spec.Method)
            : MemberReference((MemberReferenceHandle)spec.Method);

        // Replace the generic parameter list with the instantiation.
        var open = method.IndexOf('<', StringComparison.Ordinal);
        var paren = method.IndexOf('(', StringComparison.Ordinal);
        var head = open >= 0 && open < paren ? method[..open] : method[..paren];
        return $"{head}<{string.Join(", ", arguments)}>{method[paren..]}";
    }

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

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
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

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

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
