using Harmattan.Documents.Metadata;
using Harmattan.Knowledge;

namespace Harmattan.Ingest;

/// <summary>
/// The manifests (<see cref="MetadataManifest"/>) of one expansion of paths into inputs. A manifest describes
/// the reports in its folder and below, so the manifests of a report are looked for in its folder and each
/// folder above it; each is read once. Remembers which reports it described, so that the rows naming a file
/// that was not ingested can be reported at the end.
/// </summary>
internal sealed class ManifestIndex
{
    private readonly Dictionary<string, Loaded?> _byFolder = new(StringComparer.Ordinal);
    private readonly List<Loaded> _loaded = [];
    private readonly HashSet<string> _described = new(StringComparer.Ordinal);

    /// <summary>Reads the manifest of a folder now (one found by a folder walk), so a bad one stops the run before any report.</summary>
    public void Load(string folder) => At(Path.GetFullPath(folder));

    /// <summary>
    /// The file input with what its manifests list for it: their row's metadata, or the problem of that row,
    /// or, when several rows name it, that it is listed twice.
    /// </summary>
    public IngestInput Describe(IngestInput input)
    {
        if (FullPath(input.Path!) is not { } full)
        {
            // Not a path at all (empty, a NUL in it): reading it says so.
            return input;
        }

        _described.Add(full);
        var rows = new List<ManifestRow>();
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (At(folder) is { } manifest)
            {
                rows.AddRange(manifest.ByFile[full]);
            }
        }

        return rows switch
        {
            [] => input,
            [{ Error: { } error }] => input with { Problem = error },
            [var row] => input with { Listed = row.Metadata },
            [var first, var second, ..] => input with
            {
                Problem = HarmattanError.BadMetadata.At(second.Where, $"'{second.File}' is listed already at {first.Where}: give each report one row"),
            },
        };
    }

    /// <summary>
    /// Failed inputs for the rows that name a file inside one of <paramref name="walkedFolders"/> (full paths)
    /// that was not described: a file that does not exist, or is not a report a folder walk takes; and for
    /// the rows of manifests inside those folders that name no file at all.
    /// </summary>
    public IEnumerable<IngestInput> Unclaimed(IReadOnlyList<string> walkedFolders)
    {
        bool Walked(string path) => walkedFolders.Any(folder => path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

        foreach (var loaded in _loaded)
        {
            foreach (var row in loaded.Manifest.Rows)
            {
                if (row.FullPath is { } file && !_described.Contains(file) && Walked(file))
                {
                    var why = File.Exists(file)
                        ? $"'{row.File}' is not a report that ingest takes from a folder ({string.Join(' ', IngestInputs.ReportExtensions.Order(StringComparer.Ordinal))}; hidden files are skipped)"
                        : $"'{row.File}' does not exist";
                    yield return new IngestInput(Shown(file), file, null) { Problem = HarmattanError.BadMetadata.At(row.Where, why) };
                }
                else if (row is { FullPath: null, Error: { } error } && Walked(loaded.Manifest.Folder + Path.DirectorySeparatorChar))
                {
                    yield return new IngestInput(row.Where, null, null) { Problem = error };
                }
            }
        }
    }

    private Loaded? At(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var known))
        {
            return known;
        }

        var path = Path.Combine(folder, MetadataManifest.FileName);
        Loaded? loaded = null;
        if (File.Exists(path))
        {
            var manifest = MetadataManifest.Read(Shown(path));
            loaded = new Loaded(manifest, manifest.Rows.Where(r => r.FullPath is not null).ToLookup(r => r.FullPath!, StringComparer.Ordinal));
            _loaded.Add(loaded);
        }

        _byFolder.Add(folder, loaded);
        return loaded;
    }

    private static string? FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>A path found by looking up from a report, relative to the working directory when it is below it, so messages stay short.</summary>
    private static string Shown(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative;
    }

    private sealed record Loaded(MetadataManifest Manifest, ILookup<string, ManifestRow> ByFile);
}
