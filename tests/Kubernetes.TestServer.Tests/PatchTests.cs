using System.Text.Json.Nodes;
using Kubernetes.TestServer.Patching;

namespace Kubernetes.TestServer.Tests;

/// <summary>The patch formats kubectl and clients send.</summary>
public sealed class PatchTests
{
    [Fact]
    public void Should_merge_containers_by_name_and_delete_marked_entries_in_a_strategic_merge_patch()
    {
        // Given a pod spec with two containers and env
        var live = Obj("""{"spec":{"containers":[{"name":"a","image":"x:1","env":[{"name":"K","value":"1"}]},{"name":"b","image":"y:1"}]}}""");

        // When a strategic merge patch changes one container's image, adds env, and deletes the other container
        var patch = Obj("""{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"a","image":"x:2","env":[{"name":"L","value":"2"}]},{"name":"b","$patch":"delete"}]}}""");
        var result = StrategicMergePatch.Apply(live, patch);

        // Then the kept container merged field by field and list by key
        Assert.Equal("""{"spec":{"containers":[{"name":"a","image":"x:2","env":[{"name":"K","value":"1"},{"name":"L","value":"2"}]}]}}""", result.ToJsonString());
    }

    [Fact]
    public void Should_replace_unkeyed_lists_and_remove_nulls_in_a_merge_patch()
    {
        // Given an object with a list and two fields
        var live = Obj("""{"spec":{"args":["a","b"],"keep":1,"drop":2}}""");

        // When a JSON merge patch sets the list and nulls a field
        var result = JsonMergePatch.Apply(live, Obj("""{"spec":{"args":["c"],"drop":null}}"""));

        // Then the list is replaced and the field removed
        Assert.Equal("""{"spec":{"args":["c"],"keep":1}}""", result!.ToJsonString());
    }

    [Fact]
    public void Should_apply_json_patch_operations_in_order_and_fail_a_test_operation()
    {
        // Given an object
        var live = Obj("""{"metadata":{"finalizers":["a","b"]},"spec":{"replicas":1}}""");

        // When a JSON patch removes a finalizer and replaces a field
        var result = JsonPatch.Apply(live, (JsonArray)JsonNode.Parse("""[{"op":"remove","path":"/metadata/finalizers/0"},{"op":"replace","path":"/spec/replicas","value":3},{"op":"add","path":"/spec/x~1y","value":true}]""")!);

        // Then the operations took effect, and a failing test operation is refused
        Assert.Equal("""{"metadata":{"finalizers":["b"]},"spec":{"replicas":3,"x/y":true}}""", result.ToJsonString());
        Assert.Throws<Api.ApiException>(() => JsonPatch.Apply(result, (JsonArray)JsonNode.Parse("""[{"op":"test","path":"/spec/replicas","value":4}]""")!));
    }

    [Fact]
    public void Should_type_plain_yaml_scalars_and_keep_quoted_ones_as_strings()
    {
        // Given YAML with plain and quoted scalars
        var yaml = "a: 1\nb: \"1\"\nc: true\nd: 1.5\ne: null\nf: [x, 2]\ng: 0755x\n";

        // When it is read as JSON
        var json = YamlToJson.Convert(yaml)!.ToJsonString();

        // Then numbers, booleans and null are typed, quoted values stay strings
        Assert.Equal("""{"a":1,"b":"1","c":true,"d":1.5,"e":null,"f":["x",2],"g":"0755x"}""", json);
    }

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;
}
