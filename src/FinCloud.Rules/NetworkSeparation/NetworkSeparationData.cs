using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>Loads the embedded data files under <c>NetworkSeparation/Data/</c> (resource names keep the folder path).</summary>
internal static class NetworkSeparationData
{
    private const string Prefix = "NetworkSeparation/Data/";

    internal static IEnumerable<string> ResourceNames(string folder) =>
        typeof(NetworkSeparationData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);

    internal static T Load<T>(string name, JsonTypeInfo<T> type)
    {
        using var stream = typeof(NetworkSeparationData).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Network-separation data '{name}' is missing.");
        return JsonSerializer.Deserialize(stream, type)
            ?? throw new InvalidOperationException($"Network-separation data '{name}' is empty.");
    }
}

/// <summary>Source-generated JSON for the bundled designation and control data.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SandboxDesignationRelease))]
[JsonSerializable(typeof(ControlCatalogue))]
internal sealed partial class NetworkSeparationJsonContext : JsonSerializerContext;
