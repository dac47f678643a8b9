using Harmattan.Knowledge;

namespace Harmattan.Documents.Metadata;

/// <summary>
/// What is said about a report outside the report itself: in a sidecar file beside it
/// (<see cref="ReportSidecar"/>) or in a row of a folder's manifest (<see cref="MetadataManifest"/>). A null
/// field was not given, and the next source down says it (<see cref="DocumentReader"/> orders them).
/// </summary>
public sealed record ReportMetadata(string? Title, PartialDate? Published, string? Url)
{
    public static readonly ReportMetadata None = new(null, null, null);

    /// <summary>This metadata, each field it leaves out taken from <paramref name="below"/>.</summary>
    public ReportMetadata Over(ReportMetadata? below) => below is null
        ? this
        : new ReportMetadata(Title ?? below.Title, Published ?? below.Published, Url ?? below.Url);

    /// <summary>The names a sidecar field or a manifest column may have, for messages.</summary>
    internal const string FieldNames = "title, published (or date), url (genre and source are taken and not stored)";

    /// <summary>
    /// Fields that describe a report and that corpora ship beside it (a genre, the outlet), which the knowledge base
    /// has no place for: taken without complaint, and not stored. Any other name is refused, so a misspelt field is
    /// not silently lost.
    /// </summary>
    internal static bool IsUnstored(string name) => name.Trim().ToLowerInvariant() is "genre" or "source";

    /// <summary>
    /// The field a sidecar key or manifest column names (<c>title</c>, <c>published</c>, <c>url</c>), lower-cased
    /// and trimmed; <c>date</c> is <c>published</c>, as in Markdown front matter. Null for any other name.
    /// </summary>
    internal static string? FieldOf(string name) => name.Trim().ToLowerInvariant() switch
    {
        "title" => "title",
        "published" or "date" => "published",
        "url" => "url",
        _ => null,
    };

    /// <summary>Why a field given twice is refused.</summary>
    internal static string Twice(string field) => field == "published"
        ? "the date is given twice (published and date are the same field)"
        : $"'{field}' is given twice";

    /// <summary>
    /// The metadata from values as a sidecar or a manifest writes them (blank means not given), or the problem
    /// with one of them: a date that is not 2012, 2012-03 or 2012-03-22 (an ISO timestamp's date part is
    /// taken), a URL that is not absolute http(s).
    /// </summary>
    internal static ReportMetadata FromValues(string? title, string? published, string? url, out string? problem)
    {
        problem = null;
        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            date = MetadataDate.Parse(published);
            if (date is null)
            {
                problem = $"published '{published.Trim()}' is not a date: write 2012, 2012-03 or 2012-03-22";
            }
        }

        var link = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (link is not null && WebUrl.AbsoluteHttp(link) is null)
        {
            problem ??= $"url '{link}' is not an absolute http(s) URL";
        }

        return new ReportMetadata(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), date, link);
    }
}
