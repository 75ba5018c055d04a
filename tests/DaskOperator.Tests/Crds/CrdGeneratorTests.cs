using DaskOperator.Crds;
using DaskOperator.Tests.Support;
using k8s;
using k8s.Models;
using Kubernetes.TestServer.Patching;

namespace DaskOperator.Tests.Crds;

public class CrdGeneratorTests
{
    [Fact]
    public void Should_match_the_committed_crd_yaml_so_the_chart_never_drifts_from_the_csharp_types()
    {
        // Given the CRDs generated from the C# types into a fresh folder
        var dir = Directory.CreateTempSubdirectory("crds").FullName;
        try
        {
            var generated = CrdGenerator.WriteAll(dir);

            // Then each equals the committed file in the chart (run `dask-operator crds --output charts/dask-operator/crds` after a change)
            foreach (var path in generated)
            {
                var committed = Repository.Path("charts", "dask-operator", "crds", Path.GetFileName(path));
                Assert.True(File.Exists(committed), $"{committed} is missing");
                Assert.Equal(File.ReadAllText(committed), File.ReadAllText(path));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("daskcluster.yaml", "DaskCluster", "daskclusters", "dsk", ".spec.worker.replicas")]
    [InlineData("daskworkergroup.yaml", "DaskWorkerGroup", "daskworkergroups", "daskworkers", ".spec.worker.replicas")]
    [InlineData("daskjob.yaml", "DaskJob", "daskjobs", "djb", null)]
    [InlineData("daskautoscaler.yaml", "DaskAutoscaler", "daskautoscalers", null, null)]
    public void Should_keep_the_dask_kubernetes_group_names_short_names_and_scale_paths(
        string file, string kind, string plural, string? shortName, string? specReplicasPath)
    {
        // Given a committed CRD
        var yaml = File.ReadAllText(Repository.Path("charts", "dask-operator", "crds", file));
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(YamlToJson.Convert(yaml)!.ToJsonString());

        // Then it serves kubernetes.dask.org/v1 under the names dask-kubernetes uses
        Assert.Equal("kubernetes.dask.org", crd.Spec.Group);
        Assert.Equal(kind, crd.Spec.Names.Kind);
        Assert.Equal(plural, crd.Spec.Names.Plural);
        Assert.Equal($"{plural}.kubernetes.dask.org", crd.Metadata.Name);
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal("v1", version.Name);
        if (shortName is not null)
        {
            Assert.Contains(shortName, crd.Spec.Names.ShortNames);
        }

        // And scaling goes through spec.worker.replicas / status.replicas like dask-kubernetes, with status as a subresource
        Assert.Equal(specReplicasPath, version.Subresources.Scale?.SpecReplicasPath);
        if (specReplicasPath is not null)
        {
            Assert.Equal(".status.replicas", version.Subresources.Scale!.StatusReplicasPath);
        }

        Assert.NotNull(version.Subresources.Status);
        Assert.Contains(version.AdditionalPrinterColumns, c => c.Name == "Age" && c.JsonPath == ".metadata.creationTimestamp");
    }
}
