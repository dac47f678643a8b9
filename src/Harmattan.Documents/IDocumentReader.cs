using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>
/// The plug-in point for one file format. A reader turns the raw bytes into normalised text plus
/// whatever metadata the format carries; <see cref="DocumentReader"/> applies overrides and fallbacks.
/// Implementations are stateless and thread-safe, and throw only <see cref="HarmattanException"/>.
/// </summary>
internal interface IDocumentReader
{
    /// <summary>The short format name stored on the document: txt, md, html, pdf.</summary>
    string Format { get; }

    /// <summary>Lower-case file extensions, with the dot, that select this reader.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <param name="content">The whole file; never empty.</param>
    /// <param name="subject">The path or stream name, used in error messages.</param>
    ReadResult Read(byte[] content, string subject);
}

/// <summary>What a format reader found. <see cref="Text"/> is normalised and not empty.</summary>
internal sealed record ReadResult(string Text, string? Title, PartialDate? Published, string? Url);
