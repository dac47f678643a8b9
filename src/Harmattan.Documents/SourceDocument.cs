using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>
/// A report as the extractor sees it. <see cref="Text"/> is the only text that offsets point into, and
/// it is already normalised (LF line ends, NFC, no control characters, paragraphs separated by one blank
/// line), so the same report read twice, or from a copy with other line ends, yields the same
/// <see cref="ContentHash"/> and therefore the same document id.
/// </summary>
/// <param name="Text">The normalised readable text; never empty.</param>
/// <param name="Title">The override, else the sidecar's, else the manifest's, else the file's own metadata, else its first heading or short first line, else the file name without extension.</param>
/// <param name="Published">The override, else the sidecar's, else the manifest's, else the date the file's metadata gives; null when none says.</param>
/// <param name="Source">The path exactly as the caller gave it, or the stream name (<c>stdin</c>) for content read from memory.</param>
/// <param name="Url">The override, else the sidecar's, else the manifest's, else the canonical or front-matter URL; only absolute http(s) URLs from files are kept.</param>
/// <param name="Format">One of <c>txt</c>, <c>md</c>, <c>html</c>, <c>pdf</c>: the reader that produced <see cref="Text"/>.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of <see cref="Text"/> (<see cref="StableId.Sha256Hex"/>).</param>
public sealed record SourceDocument(
    string Text,
    string Title,
    PartialDate? Published,
    string Source,
    string? Url,
    string Format,
    string ContentHash);
