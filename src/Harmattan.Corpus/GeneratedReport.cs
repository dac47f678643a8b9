using Harmattan.Knowledge;

namespace Harmattan.Corpus;

/// <summary>One synthetic report: plain text (a title line, then paragraphs separated by blank lines).</summary>
/// <param name="Id">Unique for a seed: <c>synthetic-SEED-INDEX</c>.</param>
/// <param name="Words">Whitespace-separated words of <see cref="Text"/> (<see cref="CorpusGenerator.CountWords"/>).</param>
public sealed record GeneratedReport(string Id, string Text, PartialDate Published, int Words);
