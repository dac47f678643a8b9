using Harmattan.Documents;
using Harmattan.Knowledge;

namespace Harmattan.Ingest;

/// <summary>
/// One thing to ingest: a file on disk, or bytes that arrived on stdin or over HTTP. <see cref="Metadata"/>
/// is what the caller knows about this one input (title, publication date, url); it overrides the run's,
/// and the run's size limit still applies.
/// </summary>
public sealed record IngestInput(string Name, string? Path, byte[]? Content, ReadOptions? Metadata = null)
{
    public static IngestInput File(string path) => new(path, path, null);

    public static IngestInput Bytes(string name, byte[] content, ReadOptions? metadata = null) => new(name, null, content, metadata);
}

/// <summary>
/// Expands the paths a user gives into inputs: files as they are, folders recursively (only the report
/// formats we read, in a stable order), <c>-</c> for standard input. A path that does not exist
/// becomes an input whose reading fails with a clear error, so it is reported with the others.
/// </summary>
public static class IngestInputs
{
    /// <summary>The extensions a folder walk picks up. Files named explicitly are always tried.</summary>
    public static readonly IReadOnlySet<string> ReportExtensions =
        new HashSet<string>([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf"], StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<IngestInput> Expand(IEnumerable<string> paths, Func<byte[]> readStdin)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return IngestInput.Bytes("stdin", readStdin());
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in WalkFolder(path))
                {
                    yield return IngestInput.File(file);
                }
            }
            else
            {
                yield return IngestInput.File(path);
            }
        }
    }

    private static IEnumerable<string> WalkFolder(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => ReportExtensions.Contains(System.IO.Path.GetExtension(f)))
            .Order(StringComparer.Ordinal);
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
