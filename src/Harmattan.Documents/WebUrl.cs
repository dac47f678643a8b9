namespace Harmattan.Documents;

/// <summary>Which URLs found inside a file may become <see cref="SourceDocument.Url"/>.</summary>
internal static class WebUrl
{
    /// <summary>
    /// The URL if it is an absolute http or https URL, else null. Relative links cannot be resolved
    /// without knowing where the file came from, and <c>data:</c> or <c>javascript:</c> URLs are not sources.
    /// </summary>
    public static string? AbsoluteHttp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 4096)
        {
            return null;
        }

        var s = value.Trim();
        return Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? s
            : null;
    }
}
