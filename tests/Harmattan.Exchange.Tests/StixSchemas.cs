using System.Collections.Concurrent;
using Harmattan.Tests;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace Harmattan.Exchange.Tests;

/// <summary>
/// The official STIX 2.1 JSON schemas from <c>../shared/standards/stix-2.1/schemas</c>. Every reference,
/// relative or by the schemas' <c>$id</c> URL, is resolved to that folder; nothing is ever fetched (a URL
/// outside the folder fails the test).
/// </summary>
internal static class StixSchemas
{
    private const string IdPrefix = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Cache = new(StringComparer.Ordinal);

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "standards", "stix-2.1"));

    public static string Examples => Path.Combine(Folder, "examples", "threat-reports");

    /// <summary>The schema of a STIX object type (sdos/, sros/ or common/bundle.json).</summary>
    public static JsonSchema For(string type)
    {
        var relative = type switch
        {
            "bundle" => "common/bundle.json",
            "relationship" or "sighting" => $"sros/{type}.json",
            _ => $"sdos/{type}.json",
        };
        return Load(Path.Combine(Folder, "schemas", relative));
    }

    /// <summary>The object types common/bundle.json validates by their own schema (its first oneOf).</summary>
    public static IReadOnlySet<string> BundleListedTypes()
    {
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "schemas", "common", "bundle.json")))!;
        return bundle["properties"]!["objects"]!["items"]!["anyOf"]![0]!["oneOf"]!.AsArray()
            .Select(r => Path.GetFileNameWithoutExtension((string)r!["$ref"]!))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static JsonSchema Load(string path) =>
        Cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<JsonSchema>(() => JsonSchema.FromFileAsync(p, Resolver).GetAwaiter().GetResult())).Value;

    private static JsonReferenceResolver Resolver(JsonSchema schema) =>
        new LocalResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));

    private sealed class LocalResolver(JsonSchemaAppender appender) : JsonReferenceResolver(appender)
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            Task.FromResult<IJsonReference>(Load(Local(filePath)));

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            Task.FromResult<IJsonReference>(Load(Local(url)));

        private static string Local(string reference)
        {
            if (reference.StartsWith(IdPrefix, StringComparison.Ordinal))
            {
                return Path.Combine(Folder, "schemas", reference[IdPrefix.Length..]);
            }

            var full = Path.GetFullPath(reference);
            return full.StartsWith(Folder, StringComparison.Ordinal)
                ? full
                : throw new InvalidOperationException($"a STIX schema refers outside the local folder: {reference}");
        }
    }
}
