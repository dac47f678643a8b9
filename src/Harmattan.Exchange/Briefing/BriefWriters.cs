using System.Net;
using System.Text;

namespace Harmattan.Exchange.Briefing;

/// <summary>A briefing as Markdown: footnote references after each sentence and the notes under "Sources".</summary>
public static class MarkdownBriefWriter
{
    public static string Write(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(brief.Title)).Append("\n\n");
        md.Append('_').Append(Escape(brief.Generated)).Append("_\n\n");
        foreach (var section in brief.Sections)
        {
            md.Append(new string('#', section.Level)).Append(' ').Append(Escape(section.Heading)).Append("\n\n");
            if (section.Remark is not null)
            {
                md.Append('_').Append(Escape(section.Remark)).Append("_\n\n");
            }

            if (section.Sentences.Count == 0)
            {
                continue;
            }

            if (section.IsList)
            {
                foreach (var sentence in section.Sentences)
                {
                    md.Append("- ").Append(Sentence(sentence)).Append('\n');
                }

                md.Append('\n');
            }
            else
            {
                md.Append(string.Join(" ", section.Sentences.Select(Sentence))).Append("\n\n");
            }
        }

        if (brief.Notes.Count > 0)
        {
            md.Append("## ").Append(Escape(brief.SourcesHeading)).Append("\n\n");
            foreach (var note in brief.Notes)
            {
                md.Append("[^").Append(note.Number).Append("]: *").Append(Escape(note.Title)).Append("* (").Append(note.DateText).Append("), document `")
                    .Append(note.DocumentId[..12]).Append('`');
                if (note.Link is { } link)
                {
                    md.Append(", <").Append(link.AbsoluteUri).Append('>');
                }

                if (note.Evidence is not null)
                {
                    md.Append(": \u201c").Append(Escape(note.Evidence)).Append('\u201d');
                }

                md.Append('\n');
            }
        }

        return md.ToString();
    }

    private static string Sentence(BriefSentence sentence) =>
        Escape(sentence.Text) + string.Concat(sentence.Notes.Order().Select(n => $"[^{n}]"));

    /// <summary>Report text is data, never markup: every character Markdown gives a meaning is escaped.</summary>
    internal static string Escape(string text)
    {
        var md = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#' or '|' or '~')
            {
                md.Append('\\');
            }

            md.Append(c);
        }

        return md.ToString();
    }
}

/// <summary>
/// A briefing as one self-contained HTML page: every text escaped, no script (a Content-Security-Policy
/// forbids any), links only to http(s) source URLs, notes as an ordered list the sentences point at.
/// </summary>
public static class HtmlBriefWriter
{
    public static string Write(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(E(brief.Title)).Append("</title>\n")
            .Append("<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}")
            .Append("h1,h2,h3{font-family:Helvetica,Arial,sans-serif}sup a{text-decoration:none}.generated,.remark{color:#666;font-style:italic}")
            .Append("ol.notes{font-size:.9em}ol.notes q{color:#444}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(brief.Title)).Append("</h1>\n");
        html.Append("<p class=\"generated\">").Append(E(brief.Generated)).Append("</p>\n");
        foreach (var section in brief.Sections)
        {
            var tag = section.Level == 3 ? "h3" : "h2";
            html.Append('<').Append(tag).Append('>').Append(E(section.Heading)).Append("</").Append(tag).Append(">\n");
            if (section.Remark is not null)
            {
                html.Append("<p class=\"remark\">").Append(E(section.Remark)).Append("</p>\n");
            }

            if (section.Sentences.Count == 0)
            {
                continue;
            }

            if (section.IsList)
            {
                html.Append("<ul>\n");
                foreach (var sentence in section.Sentences)
                {
                    html.Append("<li>").Append(Sentence(sentence)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
            else
            {
                html.Append("<p>").Append(string.Join(" ", section.Sentences.Select(Sentence))).Append("</p>\n");
            }
        }

        if (brief.Notes.Count > 0)
        {
            html.Append("<h2>").Append(E(brief.SourcesHeading)).Append("</h2>\n<ol class=\"notes\">\n");
            foreach (var note in brief.Notes)
            {
                html.Append("<li id=\"note-").Append(note.Number).Append("\"><cite>").Append(E(note.Title)).Append("</cite> (")
                    .Append(E(note.DateText)).Append("), document <code>").Append(E(note.DocumentId[..12])).Append("</code>");
                if (note.Link is { } url)
                {
                    html.Append(", <a href=\"").Append(E(url.AbsoluteUri)).Append("\" rel=\"noreferrer\">").Append(E(url.OriginalString)).Append("</a>");
                }

                if (note.Evidence is not null)
                {
                    html.Append(": <q>").Append(E(note.Evidence)).Append("</q>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Sentence(BriefSentence sentence) =>
        E(sentence.Text) + (sentence.Notes.Count == 0 ? "" : "<sup>" + string.Join(", ", sentence.Notes.Order().Select(n => $"<a href=\"#note-{n}\">{n}</a>")) + "</sup>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
