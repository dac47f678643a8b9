using System.Globalization;
using Harmattan.Documents.Html;
using Harmattan.Documents.Markdown;
using Harmattan.Documents.Metadata;
using Harmattan.Documents.Pdf;
using Harmattan.Documents.PlainText;
using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>
/// The single entry point for turning a report file or an uploaded stream into a
/// <see cref="SourceDocument"/>. Stateless after construction and safe to share between threads.
/// Every expected failure (empty, binary, not UTF-8, too large, unsupported, unreadable, corrupt,
/// encrypted, no text) is a <see cref="HarmattanException"/> with an HRM01xx code whose
/// <see cref="HarmattanException.Subject"/> is the path or name the caller gave.
/// </summary>
public sealed class DocumentReader
{
    /// <summary>A first line longer than this is a paragraph, not a title.</summary>
    private const int MaxTitleLength = 200;

    private readonly IDocumentReader _plainText = new PlainTextReader();
    private readonly IDocumentReader _html = new HtmlReader();
    private readonly IDocumentReader _pdf = new PdfReader();
    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    public DocumentReader()
    {
        foreach (var reader in new[] { _plainText, new MarkdownReader(), _html, _pdf })
        {
            foreach (var extension in reader.Extensions)
            {
                _byExtension.Add(extension, reader);
            }
        }
    }

    /// <summary>
    /// Reads a report from disk. The format follows the extension (.txt .text .md .markdown .html .htm
    /// .pdf); an unknown extension is accepted only if the content is recognisably PDF or HTML, and a
    /// file without an extension is sniffed the same way and otherwise read as plain text. The size
    /// limit is checked from the file system before any content is read. A sidecar beside the file
    /// (<see cref="ReportSidecar"/>) gives metadata over the file's own and the manifest's
    /// (<see cref="ReadOptions.Listed"/>), under the overrides of <paramref name="options"/>.
    /// </summary>
    /// <param name="path">Kept verbatim as <see cref="SourceDocument.Source"/> and as the error subject.</param>
    /// <exception cref="HarmattanException">An HRM01xx error about <paramref name="path"/>, or HRM0111 about its sidecar.</exception>
    public SourceDocument ReadFile(string path, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);

        byte[] content;
        try
        {
            if (Directory.Exists(path))
            {
                throw HarmattanError.Unreadable.At(path, "it is a directory, not a file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw HarmattanError.Unreadable.At(path, "no such file");
            }

            CheckSize(info.Length, options, path);
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw HarmattanError.Unreadable.At(path, e.Message, e);
        }

        // The file may have grown between the size check and the read.
        CheckSize(content.LongLength, options, path);
        var beside = ReportSidecar.ReadBeside(path);
        return Read(content, path, Path.GetFileName(path), options, beside);
    }

    /// <summary>
    /// Reads a report already in memory: standard input or an HTTP upload. The format follows the
    /// extension of <paramref name="name"/>; without one (<c>stdin</c>) the content is sniffed for PDF or
    /// HTML and otherwise read as plain text.
    /// </summary>
    /// <param name="name">A file name or <c>stdin</c>; becomes <see cref="SourceDocument.Source"/> and the error subject.</param>
    /// <exception cref="HarmattanException">An HRM01xx error about <paramref name="name"/>.</exception>
    public SourceDocument Read(byte[] content, string name, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        CheckSize(content.LongLength, options, name);
        return Read(content, name, Path.GetFileName(name), options, beside: null);
    }

    private SourceDocument Read(byte[] content, string subject, string fileName, ReadOptions options, ReportMetadata? beside)
    {
        if (content.Length == 0)
        {
            throw HarmattanError.EmptyFile.At(subject, "0 bytes");
        }

        var reader = Choose(content, subject, fileName);
        var result = reader.Read(content, subject);
        // Most specific first: the caller's overrides, the sidecar, the manifest's row, the file itself.
        var outside = (beside ?? ReportMetadata.None).Over(options.Listed);
        var title = FirstNonBlank(options.Title, outside.Title ?? result.Title) ?? FirstLineTitle(result.Text) ?? TitleFromFileName(fileName);
        return new SourceDocument(
            result.Text,
            TextNormalizer.Normalize(title),
            options.Published ?? outside.Published ?? result.Published,
            subject,
            FirstNonBlank(options.Url, outside.Url ?? result.Url),
            reader.Format,
            StableId.Sha256Hex(result.Text));
    }

    private IDocumentReader Choose(byte[] content, string subject, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (_byExtension.TryGetValue(extension, out var reader))
        {
            return reader;
        }

        if (PdfReader.IsPdf(content))
        {
            return _pdf;
        }

        if (LooksLikeHtml(content))
        {
            return _html;
        }

        if (extension.Length == 0)
        {
            return _plainText;
        }

        throw HarmattanError.UnsupportedFormat.At(subject, $"'{extension}' is not one of .txt .text .md .markdown .html .htm .pdf, and the content is neither PDF nor HTML");
    }

    private static bool LooksLikeHtml(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        return StartsWithIgnoreCase(head, "<!doctype html"u8) || StartsWithIgnoreCase(head, "<html"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> asciiPrefix)
    {
        if (span.Length < asciiPrefix.Length)
        {
            return false;
        }

        for (var i = 0; i < asciiPrefix.Length; i++)
        {
            if (char.ToLowerInvariant((char)span[i]) != asciiPrefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckSize(long length, ReadOptions options, string subject)
    {
        if (length > options.MaxBytes)
        {
            throw HarmattanError.TooLarge.At(subject, string.Create(
                CultureInfo.InvariantCulture,
                $"{length} bytes, the limit is {options.MaxBytes} bytes"));
        }
    }

    private static string? FirstNonBlank(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a.Trim() : !string.IsNullOrWhiteSpace(b) ? b.Trim() : null;

    private static string? FirstLineTitle(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = (end < 0 ? text : text[..end]).Trim();
        return line.Length is > 0 and < MaxTitleLength ? line : null;
    }

    private static string TitleFromFileName(string fileName)
    {
        var title = Path.GetFileNameWithoutExtension(fileName);
        return string.IsNullOrWhiteSpace(title) ? fileName : title;
    }
}
