using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// A container's environment as kubelet builds it: <c>envFrom</c>, then <c>env</c> in order with <c>$(VAR)</c>
/// expansion, field references (name, namespace, uid, labels, annotations, node, pod IP), ConfigMap and Secret keys.
/// </summary>
public static partial class ContainerEnvironment
{
    public static Dictionary<string, string> Build(JsonObject pod, JsonObject container, string podIp, ObjectStore store)
    {
        var ns = pod.Namespace() ?? "default";
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var prefix = source.Str("prefix") ?? "";
            var data = source["configMapRef"] is JsonObject cm ? ConfigMapData(store, ns, cm.Str("name"), cm["optional"].IsTrue())
                : source["secretRef"] is JsonObject secret ? SecretData(store, ns, secret.Str("name"), secret["optional"].IsTrue())
                : [];
            foreach (var (key, value) in data)
            {
                env[prefix + key] = value;
            }
        }

        foreach (var variable in (container["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = variable.Str("name") ?? "";
            if (variable["valueFrom"] is JsonObject from)
            {
                var value = ValueFrom(pod, from, podIp, store, ns);
                if (value is not null)
                {
                    env[name] = value;
                }
            }
            else
            {
                env[name] = VariableExpansion.Expand(variable.Str("value") ?? variable["value"].Text(), env);
            }
        }

        return env;
    }

    private static string? ValueFrom(JsonObject pod, JsonObject from, string podIp, ObjectStore store, string ns)
    {
        if (from["fieldRef"] is JsonObject field)
        {
            return FieldValue(pod, field.Str("fieldPath") ?? "", podIp);
        }

        if (from["configMapKeyRef"] is JsonObject cmKey)
        {
            return Key(ConfigMapData(store, ns, cmKey.Str("name"), cmKey["optional"].IsTrue()), cmKey);
        }

        if (from["secretKeyRef"] is JsonObject secretKey)
        {
            return Key(SecretData(store, ns, secretKey.Str("name"), secretKey["optional"].IsTrue()), secretKey);
        }

        // resourceFieldRef: there are no enforced limits here, so report what the spec asked for, if anything.
        return from["resourceFieldRef"] is JsonObject resource ? resource.Str("resource") switch
        {
            { } r => (pod.At("spec", "containers") as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(c => resource.Str("containerName") is null || c.Str("name") == resource.Str("containerName"))
                ?.At("resources", r.Split('.')[0], r.Split('.')[1]).Text() ?? "0",
            _ => null,
        } : null;
    }

    private static string? FieldValue(JsonObject pod, string path, string podIp)
    {
        var labelOrAnnotation = MapFieldRegex().Match(path);
        if (labelOrAnnotation.Success)
        {
            return pod.At("metadata", labelOrAnnotation.Groups["map"].Value, labelOrAnnotation.Groups["key"].Value).Text();
        }

        return path switch
        {
            "metadata.name" => pod.Name(),
            "metadata.namespace" => pod.Namespace(),
            "metadata.uid" => pod.Uid(),
            "spec.nodeName" => pod.Str("spec", "nodeName"),
            "spec.serviceAccountName" => pod.Str("spec", "serviceAccountName") ?? "default",
            "status.podIP" or "status.podIPs" => podIp,
            "status.hostIP" or "status.hostIPs" => "127.0.0.1",
            _ => throw new ContainerConfigException($"unsupported fieldRef path \"{path}\""),
        };
    }

    private static string? Key(Dictionary<string, string> data, JsonObject reference)
    {
        var key = reference.Str("key") ?? "";
        if (data.TryGetValue(key, out var value))
        {
            return value;
        }

        return reference["optional"].IsTrue() ? null : throw new ContainerConfigException($"couldn't find key {key} in {reference.Str("name")}");
    }

    private static Dictionary<string, string> ConfigMapData(ObjectStore store, string ns, string? name, bool optional)
    {
        var cm = store.Get(BuiltinResources.ConfigMaps, ns, name ?? "");
        if (cm is null)
        {
            return optional ? [] : throw new ContainerConfigException($"configmap \"{name}\" not found");
        }

        return (cm["data"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.Text(), StringComparer.Ordinal);
    }

    private static Dictionary<string, string> SecretData(ObjectStore store, string ns, string? name, bool optional)
    {
        var secret = store.Get(BuiltinResources.Secrets, ns, name ?? "");
        if (secret is null)
        {
            return optional ? [] : throw new ContainerConfigException($"secret \"{name}\" not found");
        }

        var data = (secret["data"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(Convert.FromBase64String(kv.Value.Text())), StringComparer.Ordinal);
        foreach (var (key, value) in secret["stringData"] as JsonObject ?? [])
        {
            data[key] = value.Text();
        }

        return data;
    }

    [GeneratedRegex(@"^metadata\.(?<map>labels|annotations)\['(?<key>[^']+)'\]$")]
    private static partial Regex MapFieldRegex();
}

/// <summary>A container cannot start because its configuration refers to something missing (CreateContainerConfigError).</summary>
public sealed class ContainerConfigException(string message) : Exception(message);
