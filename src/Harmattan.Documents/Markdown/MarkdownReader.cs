using System.Text;
using Harmattan.Documents.Html;
using Harmattan.Knowledge;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Harmattan.Documents.Markdown;

/// <summary>
/// Markdown reports, read with Markdig and rendered to the plain text an analyst would read aloud:
/// headings and paragraphs as paragraphs, one list item per line, emphasis and links reduced to their
/// text, code kept verbatim, raw HTML blocks reduced to their readable text. Title, date and URL come from YAML front matter.
/// </summary>
internal sealed class MarkdownReader : IDocumentReader
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public string Format => "md";

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public ReadResult Read(byte[] content, string subject)
    {
        var source = TextNormalizer.Normalize(Utf8Text.Decode(content, subject));
        if (source.Length == 0)
        {
            throw HarmattanError.EmptyFile.At(subject, "it contains only whitespace");
        }

        var document = Markdig.Markdown.Parse(source, _pipeline);
        var frontMatter = FrontMatter.None;
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } yaml)
        {
            frontMatter = FrontMatter.Parse(yaml.Lines.ToString(), subject);
        }
        else if (source.StartsWith("---\n", StringComparison.Ordinal) && LooksLikeUnclosedFrontMatter(source))
        {
            throw HarmattanError.BadMetadata.At(subject, "front matter opened with --- on line 1 is never closed with ---");
        }

        var writer = new PlainTextWriter();
        string? firstHeading = null;
        foreach (var block in document)
        {
            if (firstHeading is null && block is HeadingBlock heading)
            {
                var h = new PlainTextWriter();
                h.Inlines(heading.Inline);
                firstHeading = TextNormalizer.Normalize(h.ToString());
            }

            writer.Block(block);
        }

        var text = TextNormalizer.Normalize(writer.ToString());
        if (text.Length == 0)
        {
            throw HarmattanError.NoReadableText.At(subject, "the Markdown has no text outside its front matter and markup");
        }

        return new ReadResult(text, frontMatter.Title ?? NullIfEmpty(firstHeading), frontMatter.Published, frontMatter.Url);
    }

    // A key: value line right after the opening --- says the author meant front matter.
    private static bool LooksLikeUnclosedFrontMatter(string source)
    {
        var secondLine = source.AsSpan(4);
        var end = secondLine.IndexOf('\n');
        var line = end < 0 ? secondLine : secondLine[..end];
        var colon = line.IndexOf(':');
        return colon > 0 && !line[..colon].Contains(' ');
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private sealed class PlainTextWriter
    {
        private readonly StringBuilder _sb = new();

        public override string ToString() => _sb.ToString();

        public void Block(Block block)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or ThematicBreakBlock:
                    return;
                case HtmlBlock html:
                    // Raw HTML is read like a web page: its text stays, its tags, comments and scripts go.
                    _sb.Append(HtmlReader.FragmentText(html.Lines.ToString()));
                    Paragraph();
                    return;
                case HeadingBlock heading:
                    Inlines(heading.Inline);
                    Paragraph();
                    return;
                case CodeBlock code:
                    _sb.Append(code.Lines.ToString());
                    Paragraph();
                    return;
                case ParagraphBlock paragraph:
                    Inlines(paragraph.Inline);
                    Paragraph();
                    return;
                case ListBlock list:
                    foreach (var item in list)
                    {
                        ListItem((ContainerBlock)item);
                    }

                    Paragraph();
                    return;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child);
                    }

                    return;
                case LeafBlock leaf:
                    Inlines(leaf.Inline);
                    Paragraph();
                    return;
            }
        }

        public void Inlines(ContainerInline? container)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        _sb.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        _sb.Append(code.Content);
                        break;
                    case LineBreakInline lineBreak:
                        _sb.Append(lineBreak.IsHard ? '\n' : ' ');
                        break;
                    case HtmlEntityInline entity:
                        _sb.Append(entity.Transcoded.AsSpan());
                        break;
                    case AutolinkInline autolink:
                        _sb.Append(autolink.Url);
                        break;
                    case LinkInline { IsImage: true }:
                        // An image's alt text describes a picture the reader cannot see; it is not report text.
                        break;
                    case ContainerInline nested:
                        Inlines(nested);
                        break;
                }
            }
        }

        // One item per line; an item's own paragraphs and nested lists follow on further lines.
        private void ListItem(ContainerBlock item)
        {
            foreach (var child in item)
            {
                switch (child)
                {
                    case ListBlock nested:
                        foreach (var sub in nested)
                        {
                            ListItem((ContainerBlock)sub);
                        }

                        break;
                    case LeafBlock leaf when leaf is not CodeBlock:
                        Inlines(leaf.Inline);
                        Line();
                        break;
                    default:
                        Block(child);
                        break;
                }
            }
        }

        private void Line() => _sb.Append('\n');

        private void Paragraph() => _sb.Append("\n\n");
    }
}
