using System.Text;
using AngleSharp.Dom;

namespace Harmattan.Documents.Html;

/// <summary>
/// Renders an element's readable text the way a browser lays it out for reading: inline text joined
/// with single spaces, block elements on their own lines or paragraphs.
/// </summary>
internal sealed class HtmlTextWriter
{
    /// <summary>Never prose, or page chrome rather than the report.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "nav", "footer", "aside", "form", "button", "select", "textarea", "input", "head", "img", "video", "audio",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "main", "header",
        "ul", "ol", "dl", "table", "pre", "figure", "figcaption", "hr", "address", "details", "summary",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "br", "tr", "dt", "dd", "caption",
    };

    private readonly StringBuilder _sb = new();
    private int _pendingBreaks;
    private bool _pendingSpace;

    public override string ToString() => _sb.ToString();

    /// <summary>
    /// Walks the tree with an explicit stack, not recursion: a hostile page of thousands of
    /// nested elements must not overflow the thread's stack.
    /// </summary>
    public void Walk(INode root)
    {
        var stack = new Stack<(INode Node, int Breaks, bool Leaving)>();
        PushChildren(stack, root);
        while (stack.TryPop(out var entry))
        {
            if (entry.Leaving)
            {
                Break(entry.Breaks);
                continue;
            }

            switch (entry.Node)
            {
                case IText text:
                    Text(text.Data);
                    break;
                case IElement element when !IsSkipped(element):
                    var breaks = Paragraphs.Contains(element.LocalName) ? 2 : Lines.Contains(element.LocalName) ? 1 : 0;
                    Break(breaks);
                    stack.Push((element, breaks, true));
                    if (string.Equals(element.LocalName, "pre", StringComparison.OrdinalIgnoreCase))
                    {
                        Verbatim(element.TextContent);
                    }
                    else
                    {
                        PushChildren(stack, element);
                    }

                    break;
            }
        }
    }

    private static void PushChildren(Stack<(INode Node, int Breaks, bool Leaving)> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], 0, false));
        }
    }

    private static bool IsSkipped(IElement element)
    {
        if (Skipped.Contains(element.LocalName) || element.HasAttribute("hidden"))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The site header is chrome; an article's own header holds its headline and byline.
        return string.Equals(element.LocalName, "header", StringComparison.OrdinalIgnoreCase) && element.Closest("article") is null;
    }

    private void Break(int breaks)
    {
        if (breaks > 0 && _sb.Length > 0)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, breaks);
            _pendingSpace = false;
        }
    }

    private void Text(string data)
    {
        var first = true;
        foreach (var word in data.Split(HtmlWhitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (first && IsHtmlWhitespace(data[0]) && _sb.Length > 0)
            {
                _pendingSpace = true;
            }

            Flush();
            if (!first)
            {
                _sb.Append(' ');
            }

            _sb.Append(word);
            first = false;
        }

        if (data.Length > 0 && IsHtmlWhitespace(data[^1]) && _sb.Length > 0 && _pendingBreaks == 0)
        {
            _pendingSpace = true;
        }
    }

    private void Verbatim(string data)
    {
        Flush();
        _sb.Append(data);
    }

    private void Flush()
    {
        if (_sb.Length > 0 && _pendingBreaks > 0)
        {
            _sb.Append('\n', _pendingBreaks);
        }
        else if (_pendingSpace)
        {
            _sb.Append(' ');
        }

        _pendingBreaks = 0;
        _pendingSpace = false;
    }

    private static readonly char[] HtmlWhitespace = [' ', '\t', '\n', '\r', '\f'];

    private static bool IsHtmlWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
