namespace Kubernetes.TestServer.Resources;

/// <summary>The resources served right now: the built-in ones plus those defined by CRDs.</summary>
public sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private List<ResourceType> _types = [.. BuiltinResources.All];

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_gate)
            {
                return _types;
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        foreach (var type in All)
        {
            if (type.Group == group && type.Version == version && type.Plural == plural)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Any served version of a group's resource (used by controllers that only care about storage).</summary>
    public ResourceType? FindByStorageKey(string storageKey) => All.FirstOrDefault(t => t.StorageKey == storageKey);

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    /// <summary>Replaces whatever the named CRD served before with <paramref name="types"/>.</summary>
    public void Define(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _types = [.. _types.Where(t => t.DefinedBy != crdName), .. types];
        }
    }

    public void Undefine(string crdName)
    {
        lock (_gate)
        {
            _types = [.. _types.Where(t => t.DefinedBy != crdName)];
        }
    }

    /// <summary>Group versions in the order discovery lists them (core first, then by group).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        [.. All.Where(t => t.Group.Length > 0)
            .GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct().OrderByDescending(VersionPriority)]))];

    /// <summary>Orders versions the way Kubernetes does: GA before beta before alpha, higher numbers first.</summary>
    public static int VersionPriority(string version)
    {
        var match = System.Text.RegularExpressions.Regex.Match(version, @"^v(\d+)(?:(alpha|beta)(\d+))?$");
        if (!match.Success)
        {
            return 0;
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var level = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (level * 1000 + major) * 1000 + minor;
    }
}
