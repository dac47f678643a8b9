using System.Globalization;
using System.Text;

namespace Harmattan.Documents;

/// <summary>
/// The one normalisation every reader applies to its output, so that the document id (the hash of the
/// text) depends on what a report says, not on how the file was saved. Curly quotes, dashes and
/// non-breaking spaces are kept: the extractor reads them.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>
    /// Strips a leading BOM; turns CRLF, CR and the other Unicode line breaks (NEL, LS, PS, form feed)
    /// into LF; composes to NFC; drops control characters other than LF and TAB; trims trailing spaces
    /// and tabs on every line; collapses three or more line breaks into one blank line; trims the whole.
    /// </summary>
    public static string Normalize(string text)
    {
        var s = text.StartsWith('\uFEFF') ? text[1..] : text;
        s = s.ReplaceLineEndings("\n");
        if (!s.IsNormalized(NormalizationForm.FormC))
        {
            s = s.Normalize(NormalizationForm.FormC);
        }

        var sb = new StringBuilder(s.Length);
        var pendingNewlines = 0;
        var pendingBlank = new StringBuilder();
        foreach (var c in s)
        {
            if (c == '\n')
            {
                pendingBlank.Clear();
                pendingNewlines++;
            }
            else if (c is ' ' or '\t')
            {
                // Held back until something visible follows on the same line: that trims line ends.
                pendingBlank.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.Control)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n', Math.Min(pendingNewlines, 2)).Append(pendingBlank);
                }

                pendingNewlines = 0;
                pendingBlank.Clear();
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
