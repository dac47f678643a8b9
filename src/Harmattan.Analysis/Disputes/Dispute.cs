using Harmattan.Store;

namespace Harmattan.Analysis.Disputes;

/// <summary>What kind of disagreement: a relation, an attribute value, or an assessment by speakers.</summary>
public enum DisputeKind
{
    /// <summary>The same pair is reported as cooperating and as opposed in overlapping periods.</summary>
    Relation,

    /// <summary>Incompatible values of one attribute (strength 3,000 against 9,000; two founding years).</summary>
    Attribute,

    /// <summary>Speakers assess the same subject in opposite directions ("weakened" against "growing stronger").</summary>
    Assessment,
}

/// <summary>One statement on one side of a dispute, with who made it (when attributed) and its source.</summary>
public sealed record DisputeStatement(string Text, EntityRef? Speaker, FactSource Source);

/// <summary>
/// A place where sources conflict: both sides, each with its statements and their sources, and
/// <see cref="Reason"/>, a sentence saying why the two sides were judged incompatible.
/// </summary>
public sealed record Dispute(
    DisputeKind Kind,
    EntityRef Subject,
    EntityRef? Other,
    string Topic,
    string Reason,
    IReadOnlyList<DisputeStatement> SideA,
    IReadOnlyList<DisputeStatement> SideB);

/// <summary>
/// Disputes found from a bounded read, and whether the statements read stopped short of the oldest: about one
/// actor (<see cref="DisputeFinder.FindAbout"/>) or in the newest documents (<see cref="DisputeFinder.FindRecent"/>).
/// </summary>
public sealed record BoundedDisputes(IReadOnlyList<Dispute> Disputes, bool Truncated);

/// <summary>
/// How strict the dispute finder is. Reports about the same thing are compared only when their dates
/// (document dates, or an attribute's as-of date) are at most <see cref="WindowDays"/> apart: an
/// alliance in 2012 and a war in 2017 are history, not a contradiction. Founding dates are compared
/// whatever the dates of the reports.
/// </summary>
/// <param name="StrengthTolerance">Two figures conflict when the larger exceeds the smaller by more than
/// this fraction of it: with 0.5, 3,000 and 4,000 agree (estimates vary) and 3,000 and 9,000 do not.</param>
/// <param name="NumericAttributes">Attributes whose values are figures compared with the tolerance.</param>
/// <param name="DateAttributes">Attributes whose values are dates that conflict when they cannot be the same day.</param>
public sealed record DisputeOptions(
    int WindowDays = 365,
    decimal StrengthTolerance = 0.5m,
    IReadOnlyCollection<string>? NumericAttributes = null,
    IReadOnlyCollection<string>? DateAttributes = null)
{
    public IReadOnlyCollection<string> Numeric => NumericAttributes ?? ["strength"];

    public IReadOnlyCollection<string> Dates => DateAttributes ?? ["founded"];
}
