using System.Text;
using System.Text.RegularExpressions;
using Harmattan.Knowledge;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Fonts;

namespace Harmattan.Documents.Pdf;

/// <summary>
/// PDF reports, read from their text layer with PdfPig in content order, page by page, pages separated
/// by a blank line. There is no OCR: a scanned PDF is refused with HRM0110 rather than stored empty.
/// </summary>
internal sealed partial class PdfReader : IDocumentReader
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public string Format => "pdf";

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(byte[] content, string subject)
    {
        if (!IsPdf(content))
        {
            throw HarmattanError.CorruptPdf.At(subject, "the file does not start with %PDF-");
        }

        if (!EndsWithEofMarker(content))
        {
            // PdfPig's lenient parser would recover what it can and silently drop the missing pages.
            throw HarmattanError.CorruptPdf.At(subject, "the file does not end with %%EOF; it was probably truncated");
        }

        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                var pageText = TextNormalizer.Normalize(ContentOrderTextExtractor.GetText(page, ExtractorOptions));
                if (pageText.Length > 0)
                {
                    pages.Append(pageText).Append("\n\n");
                }
            }

            var text = TextNormalizer.Normalize(Dehyphenate(pages.ToString()));
            if (text.Length == 0)
            {
                throw HarmattanError.PdfWithoutText.At(subject, $"none of its {document.NumberOfPages} page(s) has text; OCR it first");
            }

            var info = document.Information;
            var title = string.IsNullOrWhiteSpace(info.Title) ? null : TextNormalizer.Normalize(info.Title);
            PartialDate? published = info.GetCreatedDateTimeOffset() is { } created
                ? PartialDate.OfDay(created.Year, created.Month, created.Day)
                : null;
            return new ReadResult(text, title, published, Url: null);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw HarmattanError.EncryptedPdf.At(subject, "remove the password protection before ingesting", e);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw HarmattanError.CorruptPdf.At(subject, e.Message, e);
        }
    }

    internal static bool IsPdf(ReadOnlySpan<byte> content)
    {
        // The header may follow a little junk (the spec allows it within the first 1024 bytes).
        var head = content[..Math.Min(content.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    private static bool EndsWithEofMarker(ReadOnlySpan<byte> content)
    {
        // Writers may append a few bytes of padding or a newline after the marker.
        var tail = content[Math.Max(0, content.Length - 1024)..];
        return tail.IndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>
    /// PdfPig reports a damaged file through several exception types depending on where parsing
    /// stops. These are the ones a malformed or truncated file produces; anything else is a bug and
    /// escapes.
    /// </summary>
    private static bool IsParseFailure(Exception e) => e is PdfDocumentFormatException
        or InvalidFontFormatException
        or CorruptCompressedDataException
        or InvalidOperationException
        or ArgumentException
        or FormatException
        or EndOfStreamException
        or IndexOutOfRangeException
        or KeyNotFoundException
        or InvalidCastException
        or OverflowException;

    /// <summary>
    /// Joins a word split across a line end ("insur-\ngents") only when a lower-case letter sits on both
    /// sides, so "Al-\nMourabitoun" and "2012-\n2013" keep their hyphens.
    /// </summary>
    private static string Dehyphenate(string text) => LineEndHyphen().Replace(text, "$1$2");

    [GeneratedRegex(@"(\p{Ll}{2})-\n(\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex LineEndHyphen();
}
