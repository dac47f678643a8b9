using Harmattan.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harmattan.Documents.Markdown;

/// <summary>
/// The metadata a Markdown report declares between <c>---</c> lines. Only <c>title</c>,
/// <c>date</c>/<c>published</c> and <c>url</c> are read; other keys are allowed and ignored, so
/// front matter written for a static site generator still works.
/// </summary>
internal sealed record FrontMatter(string? Title, PartialDate? Published, string? Url)
{
    public static readonly FrontMatter None = new(null, null, null);

    /// <exception cref="HarmattanException">HRM0111 naming the YAML problem or the bad value.</exception>
    public static FrontMatter Parse(string yaml, string subject)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Line numbers count from the first line after the opening ---.
            throw HarmattanError.BadMetadata.At(subject, $"front matter is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return None;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw HarmattanError.BadMetadata.At(subject, "front matter must be a mapping of key: value lines");
        }

        string? title = null, date = null, url = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (key is not ("title" or "date" or "published" or "url"))
            {
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                throw HarmattanError.BadMetadata.At(subject, $"front matter key '{key}' must have a single value, not a list or mapping");
            }

            var value = string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            switch (key)
            {
                case "title":
                    title = value;
                    break;
                case "url":
                    url = value;
                    break;
                default:
                    date ??= value;
                    break;
            }
        }

        PartialDate? published = null;
        if (date is not null)
        {
            published = MetadataDate.Parse(date)
                ?? throw HarmattanError.BadMetadata.At(subject, $"front matter date '{date}' is not an ISO date such as 2013-01-11");
        }

        if (url is not null && WebUrl.AbsoluteHttp(url) is null)
        {
            throw HarmattanError.BadMetadata.At(subject, $"front matter url '{url}' is not an absolute http(s) URL");
        }

        return new FrontMatter(title, published, url);
    }
}
