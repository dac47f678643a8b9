using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>A direct quotation: <see cref="Outer"/> with its marks, <see cref="Inner"/> without them.</summary>
internal readonly record struct Quotation(TextSpan Outer, TextSpan Inner);

/// <summary>
/// The double-quoted passages of a text, found in one pass over its characters. Curly (“ ”), straight
/// (") and doubled single marks (‘‘ ’’ '') count; a lone single mark does not, since it is far more often
/// an apostrophe. A quotation left open runs to the end of its line, as a quoted paragraph that the next
/// paragraph reopens.
/// </summary>
internal sealed class QuotationIndex
{
    private readonly List<Quotation> _quotes = [];
    private readonly Dictionary<int, int> _byOpen = [];
    private readonly Dictionary<int, int> _byClose = [];

    public QuotationIndex(string text)
    {
        var open = -1;
        var openWidth = 0;
        var straight = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\u201C' or '\u201E' or '\u00AB':
                    open = i;
                    openWidth = 1;
                    straight = false;
                    break;
                case '\u2018' when next is '\u2018' or '\u2019' && open < 0:
                    open = i;
                    openWidth = 2;
                    straight = false;
                    i++;
                    break;
                case '\u201D' or '\u00BB' when open >= 0:
                    Add(open, openWidth, i, 1);
                    open = -1;
                    break;
                case '\u2019' or '\'' when next == c:
                    if (open >= 0)
                    {
                        Add(open, openWidth, i, 2);
                        open = -1;
                    }
                    else if (i + 2 < text.Length && !char.IsWhiteSpace(text[i + 2]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                    {
                        open = i;
                        openWidth = 2;
                        straight = false;
                    }

                    i++;
                    break;
                case '"':
                    if (open >= 0 && straight)
                    {
                        Add(open, openWidth, i, 1);
                        open = -1;
                    }
                    else
                    {
                        open = i;
                        openWidth = 1;
                        straight = true;
                    }

                    break;
                case '\n' when open >= 0:
                    Add(open, openWidth, i, 0);
                    open = -1;
                    break;
            }
        }

        if (open >= 0)
        {
            Add(open, openWidth, text.Length, 0);
        }
    }

    public IReadOnlyList<Quotation> Quotes => _quotes;

    /// <summary>The quotation whose opening mark starts at <paramref name="position"/>.</summary>
    public Quotation? OpeningAt(int position) => _byOpen.TryGetValue(position, out var q) ? _quotes[q] : null;

    /// <summary>The quotation whose closing mark starts at <paramref name="position"/>.</summary>
    public Quotation? ClosingAt(int position) => _byClose.TryGetValue(position, out var q) ? _quotes[q] : null;

    /// <summary>The quotation whose inner text contains <paramref name="position"/>, if any (binary search).</summary>
    public Quotation? Containing(int position)
    {
        int lo = 0, hi = _quotes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var q = _quotes[mid];
            if (position < q.Inner.Start)
            {
                hi = mid - 1;
            }
            else if (position >= q.Inner.End)
            {
                lo = mid + 1;
            }
            else
            {
                return q;
            }
        }

        return null;
    }

    private void Add(int open, int openWidth, int close, int closeWidth)
    {
        var innerStart = Math.Min(open + openWidth, close);
        _byOpen[open] = _quotes.Count;
        if (closeWidth > 0)
        {
            _byClose[close] = _quotes.Count;
        }

        _quotes.Add(new Quotation(new TextSpan(open, close + closeWidth), new TextSpan(innerStart, close)));
    }
}
