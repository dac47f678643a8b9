using Harmattan.Documents;
using Harmattan.Documents.Metadata;
using Harmattan.Knowledge;

namespace Harmattan.Ingest;

/// <summary>
/// One thing to ingest: a file on disk, or bytes that arrived on stdin or over HTTP. <see cref="Metadata"/>
/// is what the caller knows about this one input (title, publication date, url); it overrides the run's,
/// and the run's size limit still applies.
/// </summary>
public sealed record IngestInput(string Name, string? Path, byte[]? Content, ReadOptions? Metadata = null)
{
    /// <summary>What a folder's manifest lists for this file: under its sidecar and the overrides, over the file's own.</summary>
    public ReportMetadata? Listed { get; init; }

    /// <summary>
    /// Why this input fails before it is read: a bad manifest row about it, a manifest row naming a file that is
    /// not there, a sidecar without its report or named as a report.
    /// </summary>
    public HarmattanException? Problem { get; init; }

    public static IngestInput File(string path) => new(path, path, null);

    public static IngestInput Bytes(string name, byte[] content, ReadOptions? metadata = null) => new(name, null, content, metadata);

    /// <summary>
    /// Reads the input with the run's <paramref name="options"/> (replaced by its own <see cref="Metadata"/>,
    /// if any, but for the size limit), what its manifest lists, and its sidecar.
    /// </summary>
    /// <exception cref="HarmattanException">The input's <see cref="Problem"/>, or what reading it found wrong.</exception>
    public SourceDocument Read(DocumentReader reader, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        if (Problem is { } problem)
        {
            throw problem;
        }

        var own = (Metadata is { } metadata ? metadata with { MaxBytes = options.MaxBytes } : options) with { Listed = Listed };
        return Content is { } bytes ? reader.Read(bytes, Name, own) : reader.ReadFile(Path!, own);
    }
}

/// <summary>
/// Expands the paths a user gives into inputs: files as they are, folders recursively (only the report
/// formats we read, in a stable order), <c>-</c> for standard input. A path that does not exist
/// becomes an input whose reading fails with a clear error, so it is reported with the others. Each file
/// gets what the manifests of its folder and the folders above it list for it (<see cref="MetadataManifest"/>);
/// its sidecar is read with the file (<see cref="ReportSidecar"/>). Neither is ever a report: a sidecar whose
/// report is not in the folder, and a manifest row naming a file of the folder that is not ingested, each
/// come out as an input that fails.
/// </summary>
public static class IngestInputs
{
    /// <summary>The extensions a folder walk picks up. Files named explicitly are always tried.</summary>
    public static readonly IReadOnlySet<string> ReportExtensions =
        new HashSet<string>([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf"], StringComparer.OrdinalIgnoreCase);

    /// <exception cref="HarmattanException">A manifest that cannot be read as a whole (HRM0111, HRM0102, HRM0106), before any input of its folder.</exception>
    public static IEnumerable<IngestInput> Expand(IEnumerable<string> paths, Func<byte[]> readStdin)
    {
        var manifests = new ManifestIndex();
        var walked = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return IngestInput.Bytes("stdin", readStdin());
            }
            else if (Directory.Exists(path))
            {
                walked.Add(System.IO.Path.GetFullPath(path));
                foreach (var input in WalkFolder(path, manifests))
                {
                    yield return input;
                }
            }
            else
            {
                yield return manifests.Describe(Named(path));
            }
        }

        foreach (var input in manifests.Unclaimed(walked))
        {
            yield return input;
        }
    }

    /// <summary>A file named on its own; a sidecar or a manifest named so fails, saying what to give instead.</summary>
    private static IngestInput Named(string path)
    {
        var input = IngestInput.File(path);
        if (ReportSidecar.IsSidecar(path))
        {
            return input with { Problem = HarmattanError.UnsupportedFormat.At(path, $"a sidecar holds the metadata of {ReportSidecar.ReportOf(path)} and is read with it: give the report") };
        }

        return System.IO.Path.GetFileName(path) == MetadataManifest.FileName
            ? input with { Problem = HarmattanError.UnsupportedFormat.At(path, "a manifest lists the metadata of the reports of its folder: give the folder or the reports") }
            : input;
    }

    /// <summary>The folder's reports in ordinal order, each described by its manifests, then its sidecars whose report is not among them.</summary>
    private static IEnumerable<IngestInput> WalkFolder(string folder, ManifestIndex manifests)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal).ToList();
        foreach (var manifest in files.Where(f => System.IO.Path.GetFileName(f) == MetadataManifest.FileName))
        {
            manifests.Load(System.IO.Path.GetDirectoryName(manifest)!);
        }

        var reports = files.Where(f => ReportExtensions.Contains(System.IO.Path.GetExtension(f))).ToList();
        foreach (var report in reports)
        {
            yield return manifests.Describe(IngestInput.File(report));
        }

        var described = reports.SelectMany(r => (string[])[ReportSidecar.PathOf(r), ReportSidecar.StemPathOf(r)]).ToHashSet(StringComparer.Ordinal);
        foreach (var sidecar in files.Where(f => ReportSidecar.IsSidecar(f) && !described.Contains(f)))
        {
            var report = ReportSidecar.ReportOf(sidecar);
            var why = System.IO.File.Exists(report)
                ? $"its report {report} is not a format ingest takes from a folder"
                : $"there is no report {report} beside it; a sidecar is named after its report, REPORT{ReportSidecar.Suffix}";
            yield return new IngestInput(sidecar, null, null) { Problem = HarmattanError.BadMetadata.At(sidecar, why) };
        }
    }

    /// <summary>Reads all of standard input, refusing more than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                throw HarmattanError.TooLarge.At("stdin", $"more than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
