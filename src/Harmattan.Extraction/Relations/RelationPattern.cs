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
    /// <summary>The rule name recorded as provenance: the pattern as written.</summary>
    public override string ToString() => Text;
}
