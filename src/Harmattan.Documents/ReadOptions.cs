using Harmattan.Documents.Metadata;
using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>
/// What the caller knows better than the file (the CLI's <c>--title</c>, <c>--published</c>, <c>--url</c>),
/// what a folder's manifest lists for it, and how much it is willing to read. Overrides never change
/// <see cref="SourceDocument.Text"/>, so they never change the document id.
/// </summary>
public sealed record ReadOptions
{
    /// <summary>
    /// Files larger than this are refused with HRM0104 before their content is read, so a mistaken
    /// path to a disk image cannot exhaust memory. Defaults to 20 MiB.
    /// </summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Replaces any title found in the file.</summary>
    public string? Title { get; init; }

    /// <summary>Replaces any publication date found in the file.</summary>
    public PartialDate? Published { get; init; }

    /// <summary>Replaces any URL found in the file.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// What a folder's manifest lists for this report (<see cref="MetadataManifest"/>): each field it gives
    /// replaces the file's own, unless the overrides above or a sidecar beside the file give that field.
    /// </summary>
    public ReportMetadata? Listed { get; init; }
}
