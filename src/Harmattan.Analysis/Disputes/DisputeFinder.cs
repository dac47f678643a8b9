using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Disputes;

/// <summary>
/// Finds where sources conflict, from facts the store has read: contradictory relations, incompatible
/// attribute values, and opposite assessments of one subject by different speakers. Every dispute
/// names both sides with their sources and says why they were judged to conflict. Only statements from
/// different sources (another document, or another speaker) can conflict.
/// </summary>
public sealed class DisputeFinder(StanceLexicon lexicon, DisputeOptions? options = null)
{
    private const string Cooperates = "cooperates_with";
    private const string Opposes = "opposes";

    private readonly DisputeOptions _options = options ?? new DisputeOptions();

    /// <summary>How many statements of each kind <see cref="FindAbout"/> reads unless told otherwise.</summary>
    public const int DefaultStatementsPerKind = 200;

    /// <summary>
    /// The disputes about one actor: its cooperation and enmity with each other actor, its figures and dates,
    /// and the assessments of it, from the newest <paramref name="statementsPerKind"/> statements of each kind
    /// the store holds about it (read through the actor's indexes, so the cost is bounded however often the
    /// actor is named). <see cref="BoundedDisputes.Truncated"/> says whether older statements were left unread.
    /// </summary>
    public BoundedDisputes FindAbout(KnowledgeStore store, EntityRef actor, int statementsPerKind = DefaultStatementsPerKind)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        var relations = store.ActorRelations(actor, 0, statementsPerKind, [Cooperates, Opposes]);
        var attributes = store.ActorAttributes(actor, 0, statementsPerKind, [.. _options.Numeric, .. _options.Dates]);
        var claims = store.ClaimsAbout(actor, 0, statementsPerKind);
        // Oldest first, as the whole lists are read, so side A is the earlier statement here too.
        var disputes = Find(relations.Items.Reverse(), attributes.Items.Reverse(), claims.Items.Reverse())
            .Where(d => d.Subject.Id == actor.Id || d.Other?.Id == actor.Id)
            .ToList();
        return new BoundedDisputes(disputes, relations.More || attributes.More || claims.More);
    }

    /// <summary>How many of the newest documents <see cref="FindRecent"/> reads unless told otherwise.</summary>
    public const int DefaultDocuments = 1000;

    /// <summary>
    /// The disputes among the statements of the newest <paramref name="documents"/> documents stored: the whole
    /// knowledge base's disputes at a cost that does not grow with it. <see cref="BoundedDisputes.Truncated"/> says
    /// whether older documents were left unread.
    /// </summary>
    public BoundedDisputes FindRecent(KnowledgeStore store, int documents = DefaultDocuments)
    {
        ArgumentNullException.ThrowIfNull(store);
        var facts = store.FactsOfNewestDocuments(documents, [Cooperates, Opposes], [.. _options.Numeric, .. _options.Dates]);
        return new BoundedDisputes(Find(facts.Relations, facts.Attributes, facts.Claims), facts.Older);
    }

    /// <summary>All three kinds, relations first, then attributes, then assessments.</summary>
    public IReadOnlyList<Dispute> Find(IEnumerable<RelationFact> relations, IEnumerable<AttributeFact> attributes, IEnumerable<ClaimFact> claims) =>
        [.. RelationDisputes(relations), .. AttributeDisputes(attributes), .. AssessmentDisputes(claims)];

    /// <summary>
    /// Pairs of actors reported both as cooperating and as opposed (in either direction) by reports at
    /// most the window apart; each side lists the statements that have a counterpart on the other side
    /// within the window.
    /// </summary>
    public IReadOnlyList<Dispute> RelationDisputes(IEnumerable<RelationFact> relations)
    {
        var disputes = new List<Dispute>();
        var byPair = relations
            .Where(r => r.Type is Cooperates or Opposes && !string.Equals(r.Source.Id, r.Target.Id, StringComparison.Ordinal))
            .GroupBy(r => string.CompareOrdinal(r.Source.Id, r.Target.Id) < 0 ? (r.Source.Id, r.Target.Id) : (r.Target.Id, r.Source.Id));
        foreach (var pair in byPair.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            var cooperate = pair.Where(r => r.Type == Cooperates).ToList();
            var oppose = pair.Where(r => r.Type == Opposes).ToList();
            var a = cooperate.Where(c => oppose.Any(o => Counter(c.From, null, o.From, null) && Near(c.From.Date, o.From.Date))).ToList();
            var b = oppose.Where(o => cooperate.Any(c => Counter(c.From, null, o.From, null) && Near(c.From.Date, o.From.Date))).ToList();
            if (a.Count == 0 || b.Count == 0)
            {
                continue;
            }

            var first = a[0].Source.Id == pair.Key.Item1 ? a[0].Source : a[0].Target;
            var second = a[0].Source.Id == pair.Key.Item1 ? a[0].Target : a[0].Source;
            disputes.Add(new Dispute(
                DisputeKind.Relation,
                first,
                second,
                "cooperates_with / opposes",
                string.Create(CultureInfo.InvariantCulture,
                    $"{first.Name} and {second.Name} are reported as cooperating ({Documents(a)}) and as opposed ({Documents(b)}) in reports at most {_options.WindowDays} days apart"),
                a.Select(Statement).ToList(),
                b.Select(Statement).ToList()));
        }

        return disputes;

        static DisputeStatement Statement(RelationFact r) =>
            new($"{r.Source.Name} {r.Type} {r.Target.Name}", null, r.From);

        static string Documents(List<RelationFact> facts)
        {
            var n = facts.Select(f => f.From.DocumentId).Distinct(StringComparer.Ordinal).Count();
            return n == 1 ? "1 document" : string.Create(CultureInfo.InvariantCulture, $"{n} documents");
        }
    }

    /// <summary>
    /// Figures of one attribute of one actor that differ beyond the tolerance (within the window), and dates of
    /// one attribute that cannot denote the same day. The values are first gathered into groups that agree among
    /// themselves (figures within the tolerance of the group's smallest, dates with a day in common), and there is
    /// one dispute per pair of groups holding conflicting statements: a much-reported actor's hundred estimates of
    /// its strength make a few disputes between ranges of figures, not one per pair of figures (thousands).
    /// </summary>
    public IReadOnlyList<Dispute> AttributeDisputes(IEnumerable<AttributeFact> attributes)
    {
        var disputes = new List<Dispute>();
        var groups = attributes
            .GroupBy(a => (a.Entity.Id, a.Name))
            .OrderBy(g => g.First().Entity.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var numeric = _options.Numeric.Contains(group.Key.Name, StringComparer.Ordinal);
            var dated = _options.Dates.Contains(group.Key.Name, StringComparer.Ordinal);
            if (!numeric && !dated)
            {
                continue;
            }

            var agreeing = numeric ? FigureGroups(group) : dated ? DateGroups(group) : [];
            for (var i = 0; i < agreeing.Count; i++)
            {
                for (var j = i + 1; j < agreeing.Count; j++)
                {
                    var (lower, upper) = (agreeing[i], agreeing[j]);
                    var a = lower.Where(f => upper.Any(g => Conflict(f, g))).ToList();
                    var b = upper.Where(g => lower.Any(f => Conflict(f, g))).ToList();
                    if (a.Count == 0 || b.Count == 0)
                    {
                        continue;
                    }

                    disputes.Add(new Dispute(
                        DisputeKind.Attribute,
                        a[0].Fact.Entity,
                        null,
                        group.Key.Name,
                        numeric ? FigureReason(group.Key.Name, a, b) : $"{group.Key.Name} {Values(a)} against {Values(b)}: the dates cannot be the same",
                        a.Select(v => Statement(v.Fact)).ToList(),
                        b.Select(v => Statement(v.Fact)).ToList()));
                }
            }
        }

        return disputes;

        // Two statements conflict when their values do (dates that share no day, figures beyond the tolerance
        // in reports within the window) and they come from different sources.
        bool Conflict(Valued x, Valued y) =>
            Counter(x.Fact.From, x.Fact.Speaker, y.Fact.From, y.Fact.Speaker)
            && (x.Date is { } dx && y.Date is { } dy
                ? dx.Latest < dy.Earliest || dy.Latest < dx.Earliest
                : x.Number is { } nx && y.Number is { } ny && Beyond(Math.Min(nx, ny), Math.Max(nx, ny)) && Near(When(x.Fact), When(y.Fact)));

        string FigureReason(string name, List<Valued> a, List<Valued> b)
        {
            var (least, most) = (b.Min(v => v.Number!.Value) / a.Max(v => v.Number!.Value), b.Max(v => v.Number!.Value) / a.Min(v => v.Number!.Value));
            var ratio = least == most
                ? most.ToString("0.##", CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{least:0.##} to {most:0.##}");
            return string.Create(CultureInfo.InvariantCulture,
                $"{name} {Values(a)} against {Values(b)}: the larger is {ratio} times the smaller, beyond the tolerance of {_options.StrengthTolerance:P0} for the statements set against each other, in reports at most {_options.WindowDays} days apart");
        }

        static string Values(List<Valued> side)
        {
            var values = side.Select(v => v.Fact.Value).Distinct(StringComparer.Ordinal).ToList();
            return values.Count switch
            {
                1 => values[0],
                2 => $"{values[0]} and {values[1]}",
                _ => $"{values[0]} to {values[^1]} ({values.Count} values)",
            };
        }

        static DisputeStatement Statement(AttributeFact f) => new($"{f.Name} = {f.Value} (\"{f.Surface}\")", f.Speaker, f.From);

        static PartialDate When(AttributeFact f) => f.AsOf ?? f.From.Date;
    }

    /// <summary>An attribute statement with its value read as a figure or a date.</summary>
    private sealed record Valued(AttributeFact Fact, decimal? Number, PartialDate? Date);

    private bool Beyond(decimal low, decimal high) => low > 0 && high > low * (1 + _options.StrengthTolerance);

    /// <summary>
    /// The positive figures in increasing order, cut into groups each within the tolerance of its smallest
    /// figure: no two statements of one group conflict.
    /// </summary>
    private List<List<Valued>> FigureGroups(IEnumerable<AttributeFact> facts)
    {
        var groups = new List<List<Valued>>();
        foreach (var v in facts
                     .Select(f => new Valued(f, Number(f.Value), null))
                     .Where(v => v.Number > 0)
                     .OrderBy(v => v.Number)
                     .ThenBy(v => v.Fact.Value, StringComparer.Ordinal))
        {
            if (groups.Count == 0 || Beyond(groups[^1][0].Number!.Value, v.Number!.Value))
            {
                groups.Add([]);
            }

            groups[^1].Add(v);
        }

        return groups;
    }

    /// <summary>
    /// The dates in order of their first day, cut into groups that share a day: no two statements of one group
    /// conflict. In that order a date shares a day with all of its group when it starts no later than the group's
    /// earliest last day.
    /// </summary>
    private static List<List<Valued>> DateGroups(IEnumerable<AttributeFact> facts)
    {
        var groups = new List<List<Valued>>();
        var to = DateOnly.MaxValue;
        foreach (var v in facts
                     .Select(f => new Valued(f, null, Date(f.Value)))
                     .Where(v => v.Date is not null)
                     .OrderBy(v => v.Date!.Value.Earliest)
                     .ThenBy(v => v.Date!.Value.Latest)
                     .ThenBy(v => v.Fact.Value, StringComparer.Ordinal))
        {
            var date = v.Date!.Value;
            if (groups.Count == 0 || date.Earliest > to)
            {
                groups.Add([]);
                to = date.Latest;
            }
            else if (date.Latest < to)
            {
                to = date.Latest;
            }

            groups[^1].Add(v);
        }

        return groups;
    }

    /// <summary>
    /// Claims about the same subject by different speakers whose stances on one axis have opposite signs,
    /// in reports at most the window apart. The reason quotes the words that carry each stance.
    /// </summary>
    public IReadOnlyList<Dispute> AssessmentDisputes(IEnumerable<ClaimFact> claims)
    {
        var read = claims
            .Select(c => (Claim: c, Stances: StanceReader.Read(lexicon, c.Cue, c.Text)))
            .Where(x => x.Stances.Count > 0)
            .ToList();
        var subjects = read
            .SelectMany(x => x.Claim.About.Select(s => (Subject: s, x.Claim, x.Stances)))
            .GroupBy(x => x.Subject.Id, StringComparer.Ordinal)
            .OrderBy(g => g.First().Subject.Name, StringComparer.Ordinal);
        var disputes = new List<Dispute>();
        foreach (var subject in subjects)
        {
            var list = subject.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (x, y) = (list[i], list[j]);
                    if (string.Equals(x.Claim.Speaker.Id, y.Claim.Speaker.Id, StringComparison.Ordinal) || !Near(x.Claim.From.Date, y.Claim.From.Date))
                    {
                        continue;
                    }

                    foreach (var sx in x.Stances)
                    {
                        var sy = y.Stances.FirstOrDefault(s => string.Equals(s.Axis, sx.Axis, StringComparison.Ordinal));
                        if (sy is null || sy.Sign == sx.Sign)
                        {
                            continue;
                        }

                        disputes.Add(new Dispute(
                            DisputeKind.Assessment,
                            x.Subject,
                            null,
                            sx.Axis,
                            $"on {sx.Axis}, {x.Claim.Speaker.Name} says {Signed(sx)} of {x.Subject.Name} and {y.Claim.Speaker.Name} says {Signed(sy)}",
                            [new DisputeStatement(x.Claim.Text, x.Claim.Speaker, x.Claim.From)],
                            [new DisputeStatement(y.Claim.Text, y.Claim.Speaker, y.Claim.From)]));
                    }
                }
            }
        }

        return disputes;

        static string Signed(AxisStance s) =>
            string.Join(", ", s.Because.Select(b => $"\"{b}\"")) + (s.Sign > 0 ? " (+)" : " (−)");
    }

    /// <summary>
    /// Whether two statements come from different sources, so that they can dispute each other: a source is
    /// a document and, when the statement is attributed, its speaker. One voice in one report saying two
    /// things (an alliance that turned into war, a figure and its revision, a list sentence the extractor
    /// read too broadly) is not two sources in conflict.
    /// </summary>
    private static bool Counter(FactSource x, EntityRef? xSpeaker, FactSource y, EntityRef? ySpeaker) =>
        !string.Equals(x.DocumentId, y.DocumentId, StringComparison.Ordinal)
        || !string.Equals(xSpeaker?.Id, ySpeaker?.Id, StringComparison.Ordinal);

    private bool Near(PartialDate a, PartialDate b)
    {
        var gap = a.Latest < b.Earliest ? b.Earliest.DayNumber - a.Latest.DayNumber
            : b.Latest < a.Earliest ? a.Earliest.DayNumber - b.Latest.DayNumber
            : 0;
        return gap <= _options.WindowDays;
    }

    private static decimal? Number(string value) =>
        decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static PartialDate? Date(string value) => PartialDate.TryParse(value, out var d) ? d : null;
}
