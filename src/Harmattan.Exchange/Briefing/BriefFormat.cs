using Harmattan.Knowledge;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// The two ways a briefing is written, Markdown (the default) and HTML, with their media types: the CLI's
/// <c>brief --format</c> and the API's <c>/api/brief?format=</c> parse and write through this one list.
/// </summary>
public sealed class BriefFormat
{
    public static readonly BriefFormat Markdown = new("md", "text/markdown; charset=utf-8", ".md", MarkdownBriefWriter.Write, "markdown");
    public static readonly BriefFormat Html = new("html", "text/html; charset=utf-8", ".html", HtmlBriefWriter.Write);

    public static IReadOnlyList<BriefFormat> All { get; } = [Markdown, Html];

    private readonly Func<Brief, string> _write;
    private readonly string[] _aliases;

    private BriefFormat(string name, string contentType, string extension, Func<Brief, string> write, params string[] aliases)
    {
        Name = name;
        ContentType = contentType;
        Extension = extension;
        _write = write;
        _aliases = aliases;
    }

    public string Name { get; }

    public string ContentType { get; }

    public string Extension { get; }

    /// <summary>
    /// The format a name stands for (any case; <c>markdown</c> too); Markdown when none is given; otherwise HRM0401
    /// naming <paramref name="option"/> and the choices.
    /// </summary>
    public static BriefFormat Parse(string? name, string option)
    {
        var wanted = name?.Trim() ?? "";
        if (wanted.Length == 0)
        {
            return Markdown;
        }

        return All.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase)
                || f._aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase))
            ?? throw HarmattanError.BadArgument.At(option, $"'{name}' is not a briefing format; md or html");
    }

    public string Write(Brief brief) => _write(brief);

    public override string ToString() => Name;
}
