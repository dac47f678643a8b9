using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Harmattan.Documents.Tests;

/// <summary>PDFs the tests need and the samples must not contain: no text, encrypted.</summary>
internal static class PdfFixtures
{
    /// <summary>One page with only a drawn rectangle, like a scan without OCR: there is no text layer.</summary>
    public static byte[] WithoutText()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new PdfPoint(100, 100), 300, 200, 2);
        return builder.Build();
    }

    public static byte[] WithText(string line)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        page.AddText(line, 12, new PdfPoint(60, 760), font);
        return builder.Build();
    }

    /// <summary>
    /// A minimal PDF whose trailer names a Standard security handler (/Encrypt). The /O and /U
    /// entries match no password, not even the empty one, so no reader can open it without the key.
    /// PdfPig cannot write encrypted files, so the bytes are laid out here by hand, with a correct
    /// cross-reference table.
    /// </summary>
    public static byte[] Encrypted()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 16 >>\nstream\n\u00A7\u00B1\u00D2\u00E4\u0091\u0003\u00F0\u00C8\u00A1\u00B2\u00C3\u00D4\u00E5\u00F6\u0017\u0028\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('5', 64) + "> >>",
        };

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var (body, i) in objects.Select((o, i) => (o, i)))
        {
            offsets.Add(Latin1(pdf).Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{body}\nendobj\n");
        }

        var xref = Latin1(pdf).Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1(pdf);
    }

    private static byte[] Latin1(StringBuilder sb) => Encoding.Latin1.GetBytes(sb.ToString());
}
