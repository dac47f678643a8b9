using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Html;

/// <summary>
/// Web pages, read with AngleSharp. Only the article is kept: site chrome (navigation, site header,
/// footer, asides, forms) and everything that is not prose (scripts, styles, SVG, frames, templates)
/// is skipped while walking the tree, so a huge inline script costs parse time but never memory in the
/// output, and no attribute value (such as a <c>data:</c> URI) can reach the text.
/// </summary>
internal sealed class HtmlReader : IDocumentReader
{
    private static readonly string[] PublishedMetaNames =
        ["article:published_time", "og:published_time", "date", "dc.date", "dcterms.date", "pubdate"];

    public string Format => "html";

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    public ReadResult Read(byte[] content, string subject)
    {
        var html = Utf8Text.Decode(content, subject);
        if (string.IsNullOrWhiteSpace(html))
        {
            throw HarmattanError.EmptyFile.At(subject, "it contains only whitespace");
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);

        var text = ReadableText(document);
        if (text.Length == 0)
        {
            throw HarmattanError.NoReadableText.At(subject, "no text outside navigation, scripts and page chrome");
        }

        return new ReadResult(text, Title(document), Published(document), Url(document));
    }

    /// <summary>The readable text of an HTML fragment (raw HTML inside Markdown), with the same rules as a page body.</summary>
    public static string FragmentText(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument("<!doctype html><html><body>" + html + "</body></html>");
        var writer = new HtmlTextWriter();
        writer.Walk(document.Body!);
        return writer.ToString();
    }

    private static string ReadableText(IHtmlDocument document)
    {
        var body = document.Body ?? document.DocumentElement;
        var articles = body.QuerySelectorAll("article");
        var candidates = new List<IElement>();
        if (articles.Length == 1)
        {
            candidates.Add(articles[0]);
        }

        if (body.QuerySelector("main") is { } main)
        {
            candidates.Add(main);
        }

        candidates.Add(body);
        foreach (var root in candidates)
        {
            var writer = new HtmlTextWriter();
            writer.Walk(root);
            var text = TextNormalizer.Normalize(writer.ToString());
            if (text.Length > 0)
            {
                return text;
            }
        }

        return "";
    }

    private static string? Title(IHtmlDocument document)
    {
        var og = Meta(document, "og:title");
        if (!string.IsNullOrWhiteSpace(og))
        {
            return Clean(og);
        }

        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            return Clean(document.Title);
        }

        var h1 = document.QuerySelector("h1")?.TextContent;
        return string.IsNullOrWhiteSpace(h1) ? null : Clean(h1);
    }

    private static PartialDate? Published(IHtmlDocument document)
    {
        foreach (var name in PublishedMetaNames)
        {
            if (MetadataDate.Parse(Meta(document, name)) is { } date)
            {
                return date;
            }
        }

        var time = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
        return MetadataDate.Parse(time?.GetAttribute("datetime"));
    }

    private static string? Url(IHtmlDocument document)
    {
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel") ?? "";
            if (rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase)
                && WebUrl.AbsoluteHttp(link.GetAttribute("href")) is { } canonical)
            {
                return canonical;
            }
        }

        return WebUrl.AbsoluteHttp(Meta(document, "og:url"));
    }

    /// <summary>The content of the first meta element whose property or name is <paramref name="key"/> (case-insensitive).</summary>
    private static string? Meta(IHtmlDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            if (string.Equals(meta.GetAttribute("property"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("itemprop"), key, StringComparison.OrdinalIgnoreCase))
            {
                return meta.GetAttribute("content");
            }
        }

        return null;
    }

    private static string Clean(string s) => TextNormalizer.Normalize(string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
