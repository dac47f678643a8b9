using Harmattan.Knowledge;

namespace Harmattan.Documents.PlainText;

/// <summary>
/// UTF-8 text files. Plain text carries no metadata, so the title falls back to the first short line
/// (see <see cref="DocumentReader"/>).
/// </summary>
internal sealed class PlainTextReader : IDocumentReader
{
    public string Format => "txt";

    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];

    public ReadResult Read(byte[] content, string subject)
    {
        var text = TextNormalizer.Normalize(Utf8Text.Decode(content, subject));
        if (text.Length == 0)
        {
            throw HarmattanError.EmptyFile.At(subject, "it contains only whitespace");
        }

        return new ReadResult(text, Title: null, Published: null, Url: null);
    }
}
