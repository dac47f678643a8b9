using Harmattan.Knowledge;

namespace Harmattan.Extraction.Relations;

/// <summary>One element of a relation pattern (see <see cref="RelationPatternLexicon"/> for the syntax).</summary>
public abstract record PatternElement;

/// <summary>An argument: <c>X</c> is the relation's source, <c>Y</c> its target; optionally restricted to some types.</summary>
public sealed record SlotElement(bool IsSource, IReadOnlySet<EntityType>? Types) : PatternElement;

/// <summary>One token equal (ignoring case) to one of <see cref="Words"/>; skipped when <see cref="Optional"/>.</summary>
public sealed record WordElement(IReadOnlyList<string> Words, bool Optional) : PatternElement;

/// <summary>
/// Up to <see cref="Max"/> tokens of anything that is not a clause break; with
/// <see cref="CrossesNames"/> it may also pass over commas and other named entities.
/// </summary>
public sealed record FillerElement(int Max, bool CrossesNames) : PatternElement;

/// <summary>The start of the sentence: the pattern matches only at its first item.</summary>
public sealed record StartElement : PatternElement;

/// <summary>A role noun from <c>role-nouns.tsv</c>; its kind gives the relation type (leads or affiliated_with).</summary>
public sealed record RoleElement : PatternElement;

/// <summary>
/// A pattern of words and argument slots that states a relation ("X split from Y"), read from
/// <c>relation-patterns.tsv</c>. <see cref="Type"/> is null when the role noun the pattern matched decides it.
/// </summary>
public sealed record RelationPattern(
    string Text,
    IReadOnlyList<PatternElement> Elements,
    string? Type,
    double Confidence,
    string Source)
{
    /// <summary>True when a comma follows the source slot ("X , the leader of Y"): an apposition of that one name.</summary>
    public bool SourceApposed { get; } = Apposed(Elements, isSource: true);

    /// <summary>True when a comma follows the target slot.</summary>
    public bool TargetApposed { get; } = Apposed(Elements, isSource: false);

    /// <summary>
    /// Words of which one must be in a sentence for the pattern to match there: the alternatives of the
    /// required word likeliest to be rare (longest shortest alternative; punctuation and articles never);
    /// null when it has none.
    /// </summary>
    public IReadOnlyList<string>? Anchor { get; } = Elements
        .OfType<WordElement>()
        .Where(w => !w.Optional && !w.Words.Any(x => x is "," or "'s" or "the" or "a" or "an"))
        .OrderByDescending(w => w.Words.Min(x => x.Length))
        .FirstOrDefault()?.Words;

    /// <summary>True when the pattern holds a role noun: a sentence without one cannot match it.</summary>
    public bool HasRole { get; } = Elements.Any(e => e is RoleElement);

    /// <summary>The rule name recorded as provenance: the pattern as written.</summary>
    public override string ToString() => Text;

    private static bool Apposed(IReadOnlyList<PatternElement> elements, bool isSource)
    {
        for (var i = 0; i + 1 < elements.Count; i++)
        {
            if (elements[i] is SlotElement slot && slot.IsSource == isSource)
            {
                return elements[i + 1] is WordElement { Words: [","] };
            }
        }

        return false;
    }
}
