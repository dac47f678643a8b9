namespace Harmattan.Knowledge.Tests;

/// <summary>The bundled data folder, loaded once for all tests (the loaders are immutable).</summary>
internal static class TestData
{
    private static readonly Lazy<DataDirectory> LazyData = new(() => DataDirectory.Locate(null));
    private static readonly Lazy<Schema> LazySchema = new(() => Schema.Load(Data));
    private static readonly Lazy<Registries.ActorRegistry> LazyRegistry = new(() => Registries.ActorRegistry.Load(Data, Schema));
    private static readonly Lazy<Registries.Gazetteer> LazyGazetteer = new(() => Registries.Gazetteer.Load(Data));

    public static DataDirectory Data => LazyData.Value;

    public static Schema Schema => LazySchema.Value;

    public static Registries.ActorRegistry Registry => LazyRegistry.Value;

    public static Registries.Gazetteer Gazetteer => LazyGazetteer.Value;

    /// <summary>A scratch data folder holding a copy of the real schema, for malformed-file tests.</summary>
    public static string ScratchDataFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "harmattan-knowledge-" + Guid.NewGuid().ToString("N"));
        CopyTree(Data.SchemaPath, Path.Combine(root, "schema"));
        Directory.CreateDirectory(Path.Combine(root, "registries", "global"));
        return root;
    }

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
