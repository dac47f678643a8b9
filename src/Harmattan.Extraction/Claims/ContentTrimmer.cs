using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// Cuts a content span down to the statement: no surrounding whitespace, no opening or closing
/// quotation marks at its edges, no final period, comma, colon, semicolon or dash. Inner quotation marks
/// stay, since a span cannot skip characters.
/// </summary>
internal static class ContentTrimmer
{
    /// <summary>The trimmed span, or null when no letter or digit is left.</summary>
    public static TextSpan? Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || IsOpening(text[start]) || text[start] is ',' or ':' or '\u2014' or '\u2013'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsClosing(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':' or '\u2014' or '\u2013' or '-' or '\u2026'))
        {
            end--;
        }

        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return new TextSpan(start, end);
            }
        }

        return null;
    }

    private static bool IsOpening(char c) => c is '\u201C' or '\u201E' or '\u00AB' or '"' or '\u2018' or '\'';

    private static bool IsClosing(char c) => c is '\u201D' or '\u00BB' or '"' or '\u2019' or '\'';
}
