using Harmattan.Extraction.Pipeline;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// Finds attributed statements (claims.cue-verb/1): a reporting cue from <see cref="CueVerbLexicon"/>,
/// its speaker (a named person, organisation, armed group or country, directly or through a pronoun or
/// definite description) and the content without the attribution phrase. Patterns: "X said (that) S",
/// "X, a role at Y, said S", "S, X said", "“S,” said X", "According to X, S", "S, according to X",
/// direct quotations over several sentences and their continuations, "X told reporters that S",
/// "X called on Y to ...", participles ("..., stating that S"), several subjects ("X and Y said") and
/// the passive ("S was announced by X"). Headings and list items never give claims, and nothing
/// inside a quotation is read as an attribution.
/// </summary>
/// <remarks>
/// Deterministic and linear: sentences are read in order, cues are found by a dictionary lookup per
/// token, and each rule only looks at a bounded window of tokens around its cue. Every claim records
/// the rule that produced it and a confidence that drops for resolved pronouns and continuations.
/// </remarks>
public sealed class ClaimExtractor(CueVerbLexicon verbs, ClaimWords words) : IComponent
{
    public string Name => "claims.cue-verb/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Claims];

    public static ClaimExtractor Load(Harmattan.Knowledge.DataDirectory data, IEnumerable<string> roleNouns) =>
        new(CueVerbLexicon.Load(data), ClaimWords.Load(data, roleNouns));

    /// <summary>The claims of the document in text order, without changing it.</summary>
    public IReadOnlyList<ClaimDraft> Find(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new AttributionReader(new ClaimDocument(document, words), verbs, Name).Read();
    }

    public void Process(AnalyzedDocument document) => document.Claims.AddRange(Find(document));
}
