using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>
/// Turns the bytes of a text-based report (plain text, Markdown, HTML) into a string, refusing what is
/// not a UTF-8 text file instead of guessing: a silently mis-decoded report would put wrong names
/// into the knowledge base.
/// </summary>
internal static class Utf8Text
{
    private const int SniffLength = 8 * 1024;

    /// <summary>Binary sniffing: NUL bytes, or more than this share of other control bytes.</summary>
    private const double MaxControlShare = 0.10;

    /// <exception cref="HarmattanException">HRM0103 when the content looks binary; HRM0102 with the byte offset of the first invalid sequence.</exception>
    public static string Decode(byte[] content, string subject)
    {
        RefuseBinary(content, subject);
        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw HarmattanError.NotUtf8.At(subject, string.Create(
                CultureInfo.InvariantCulture,
                $"invalid UTF-8 at byte offset {bytesRead}: 0x{content[bytesRead]:X2}; save the file as UTF-8"));
        }

        return new string(chars, 0, charsWritten);
    }

    private static void RefuseBinary(byte[] content, string subject)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, SniffLength));
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw HarmattanError.BinaryFile.At(subject, string.Create(CultureInfo.InvariantCulture, $"NUL byte at offset {nul}"));
        }

        var controls = 0;
        foreach (var b in head)
        {
            // TAB, LF, FF, CR and ESC turn up in real text files; the rest of C0 do not.
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B))
            {
                controls++;
            }
        }

        if (controls > head.Length * MaxControlShare)
        {
            throw HarmattanError.BinaryFile.At(subject, string.Create(
                CultureInfo.InvariantCulture,
                $"{controls} control bytes in the first {head.Length}"));
        }
    }
}
