using Harmattan.Knowledge;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// The two ways a briefing is written, Markdown (the default) and HTML, with their media types: the CLI's
/// <c>brief --format</c> and the API's <c>/api/brief?format=</c> parse and write through this one list.
/// </summary>
public sealed record BriefFormat(string Name, string ContentType, string Extension)
{
    public static readonly BriefFormat Markdown = new("md", "text/markdown; charset=utf-8", ".md");
    public static readonly BriefFormat Html = new("html", "text/html; charset=utf-8", ".html");

    public static IReadOnlyList<BriefFormat> All { get; } = [Markdown, Html];

    /// <summary>
    /// The format a name stands for (any case; <c>markdown</c> too); Markdown when none is given; otherwise HRM0401
    /// naming <paramref name="option"/> and the choices.
    /// </summary>
    public static BriefFormat Parse(string? name, string option)
    {
        var wanted = name?.Trim() ?? "";
        if (wanted.Length == 0 || string.Equals(wanted, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            return Markdown;
        }

        return All.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw HarmattanError.BadArgument.At(option, $"'{name}' is not a briefing format; md or html");
    }

    public string Write(Brief brief) => this == Html ? HtmlBriefWriter.Write(brief) : MarkdownBriefWriter.Write(brief);
}
