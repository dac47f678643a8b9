using System.Text;
using Harmattan.Extraction.Output;

namespace Harmattan.Extraction.Evaluation;

/// <summary>
/// Scores one document's prediction against its gold exactly as ../shared/eval/score.py does: the same
/// matching, the same tie-breaking, the same counts and the same --explain notes. The equivalence
/// tests run score.py itself against this class.
/// </summary>
public static class EvaluationScorer
{
    private const int NoteTextLength = 90;

    private static readonly HashSet<string> Symmetric = new(["cooperates_with", "opposes"], StringComparer.Ordinal);

    public static DocumentScore ScoreDocument(GuidelinesDocument gold, GuidelinesDocument pred)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(pred);
        var notes = new List<string>();
        var mapping = MatchEntities(gold.Entities, pred.Entities);

        // Later duplicates of an id win, as in a Python dict built from a list.
        var goldType = new Dictionary<Id, string?>();
        var goldName = new Dictionary<Id, string?>();
        foreach (var g in gold.Entities)
        {
            goldType[new(g.Id)] = g.Type;
            goldName[new(g.Id)] = g.Name;
        }

        var predName = new Dictionary<Id, string?>();
        foreach (var p in pred.Entities)
        {
            predName[new(p.Id)] = p.Name;
        }

        var (entities, typed) = ScoreEntities(gold, pred, mapping, goldType, notes);
        var claims = ScoreClaims(gold.Claims, pred.Claims, mapping, goldName, predName, notes);
        var relations = ScoreRelations(gold.Relations, pred.Relations, mapping, goldName, predName, notes);
        var events = ScoreEvents(gold.Events, pred.Events, mapping, notes);
        return new DocumentScore(entities, typed, claims, relations, events, notes);
    }

    /// <summary>score.py's <c>norm_name</c>: the key under which two names are the same name.</summary>
    public static string NormalizeName(string? name)
    {
        var kept = new StringBuilder();
        foreach (var r in PythonUnicode.Fold(name ?? "").EnumerateRunes())
        {
            if (r.Value is '\'' or '`' or '\u2019')
            {
                continue;
            }

            if (r.Value is '-' or '_' or '/')
            {
                kept.Append(' ');
            }
            else if (PythonUnicode.IsWord(r) || PythonUnicode.IsSpace(r))
            {
                kept.Append(r.ToString());
            }
        }

        var joined = string.Join(' ', Words(kept.ToString(), PythonUnicode.IsSpace, keep: false));
        return joined.StartsWith("the ", StringComparison.Ordinal) ? joined[4..] : joined;
    }

    /// <summary>score.py's <c>tokens</c>: the runs of word characters of the folded text.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        Words(PythonUnicode.Fold(text ?? ""), PythonUnicode.IsWord, keep: true);

    /// <summary>Token F1 between two texts, counting repeated tokens as a multiset.</summary>
    public static double TokenF1(string? a, string? b)
    {
        var (ta, tb) = (Tokens(a), Tokens(b));
        if (ta.Count == 0 || tb.Count == 0)
        {
            return 0.0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tb)
        {
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        var common = 0;
        foreach (var t in ta)
        {
            if (counts.GetValueOrDefault(t) > 0)
            {
                common++;
                counts[t]--;
            }
        }

        if (common == 0)
        {
            return 0.0;
        }

        double p = (double)common / ta.Count, r = (double)common / tb.Count;
        return 2 * p * r / (p + r);
    }

    /// <summary>
    /// A predicted date matches when it says the same at the gold's precision (<c>2012-03-22</c> matches
    /// gold <c>2012-03</c>, not <c>2012-0</c>); a gold range must be predicted exactly.
    /// </summary>
    public static bool DateMatches(string? gold, string? pred)
    {
        var (g, p) = (PythonUnicode.Strip(gold ?? ""), PythonUnicode.Strip(pred ?? ""));
        if (g.Length == 0 || p.Length == 0)
        {
            return false;
        }

        if (g.Contains('/', StringComparison.Ordinal))
        {
            return g == p;
        }

        return p.StartsWith(g, StringComparison.Ordinal) && (p.Length == g.Length || p[g.Length] == '-');
    }

    private static List<string> Words(string s, Func<System.Text.Rune, bool> inWord, bool keep)
    {
        // keep: runs of characters satisfying inWord; otherwise runs of characters that do not.
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var r in s.EnumerateRunes())
        {
            if (inWord(r) == keep)
            {
                current.Append(r.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static HashSet<string> NamesOf(GuidelinesEntity e)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { NormalizeName(e.Name) };
        foreach (var a in e.Aliases)
        {
            names.Add(NormalizeName(a));
        }

        names.Remove("");
        return names;
    }

    /// <summary>One-to-one, greedily: candidates whose primary name matches first, then by overlap, ties in input order.</summary>
    private static Dictionary<Id, Id> MatchEntities(IReadOnlyList<GuidelinesEntity> gold, IReadOnlyList<GuidelinesEntity> pred)
    {
        var goldNames = gold.Select(g => (Id: new Id(g.Id), Names: NamesOf(g))).ToList();
        var candidates = new List<(bool Primary, int Overlap, Id Pred, Id Gold)>();
        foreach (var p in pred)
        {
            var names = NamesOf(p);
            var primary = NormalizeName(p.Name);
            foreach (var (gid, gnames) in goldNames)
            {
                var overlap = names.Count(gnames.Contains);
                if (overlap > 0)
                {
                    candidates.Add((gnames.Contains(primary), overlap, new Id(p.Id), gid));
                }
            }
        }

        var usedPred = new HashSet<Id>();
        var usedGold = new HashSet<Id>();
        var mapping = new Dictionary<Id, Id>();

        // OrderBy is stable, like Python's sort: equal candidates keep their order.
        foreach (var c in candidates.OrderBy(c => c.Primary ? 0 : 1).ThenByDescending(c => c.Overlap))
        {
            if (!usedPred.Contains(c.Pred) && !usedGold.Contains(c.Gold))
            {
                usedPred.Add(c.Pred);
                usedGold.Add(c.Gold);
                mapping[c.Pred] = c.Gold;
            }
        }

        return mapping;
    }

    private static (LayerCounts Entities, LayerCounts Typed) ScoreEntities(
        GuidelinesDocument gold, GuidelinesDocument pred, Dictionary<Id, Id> mapping,
        Dictionary<Id, string?> goldType, List<string> notes)
    {
        var matchedGold = mapping.Values.ToHashSet();
        foreach (var g in gold.Entities.Where(g => !matchedGold.Contains(new(g.Id))))
        {
            notes.Add($"  entity missed: {Show(g.Name)} [{Show(g.Type)}]");
        }

        var typed = 0;
        foreach (var p in pred.Entities)
        {
            if (!mapping.TryGetValue(new(p.Id), out var gid))
            {
                notes.Add($"  entity spurious: {Show(p.Name)} [{Show(p.Type)}]");
            }
            else if (p.Type == goldType[gid])
            {
                typed++;
            }
            else
            {
                notes.Add($"  entity mistyped: {Show(p.Name)} [{Show(p.Type)}] gold [{Show(goldType[gid])}]");
            }
        }

        return (new(mapping.Count, pred.Entities.Count, gold.Entities.Count), new(typed, pred.Entities.Count, gold.Entities.Count));
    }

    private static LayerCounts ScoreClaims(
        IReadOnlyList<GuidelinesClaim> gold, IReadOnlyList<GuidelinesClaim> pred, Dictionary<Id, Id> mapping,
        Dictionary<Id, string?> goldName, Dictionary<Id, string?> predName, List<string> notes)
    {
        var candidates = new List<(double F, int Pred, int Gold)>();
        for (var i = 0; i < pred.Count; i++)
        {
            if (!mapping.TryGetValue(new(pred[i].Speaker), out var speaker) || speaker.Value is null)
            {
                continue;
            }

            for (var j = 0; j < gold.Count; j++)
            {
                if (speaker.Value == gold[j].Speaker)
                {
                    var f = TokenF1(pred[i].Text, gold[j].Text);
                    if (f >= 0.5)
                    {
                        candidates.Add((f, i, j));
                    }
                }
            }
        }

        // Best overlap first; equal overlaps go to the later prediction, then the later gold claim,
        // as Python's reverse sort of (f, i, j) tuples does.
        candidates.Sort((a, b) => (b.F, b.Pred, b.Gold).CompareTo((a.F, a.Pred, a.Gold)));
        var usedPred = new HashSet<int>();
        var usedGold = new HashSet<int>();
        foreach (var (_, i, j) in candidates)
        {
            if (!usedPred.Contains(i) && !usedGold.Contains(j))
            {
                usedPred.Add(i);
                usedGold.Add(j);
            }
        }

        for (var j = 0; j < gold.Count; j++)
        {
            if (!usedGold.Contains(j))
            {
                notes.Add($"  claim missed: {Show(goldName.GetValueOrDefault(new(gold[j].Speaker)))}: {PythonUnicode.Prefix(gold[j].Text ?? "", NoteTextLength)}");
            }
        }

        for (var i = 0; i < pred.Count; i++)
        {
            if (!usedPred.Contains(i))
            {
                notes.Add($"  claim spurious: {Show(predName.GetValueOrDefault(new(pred[i].Speaker)))}: {PythonUnicode.Prefix(pred[i].Text ?? "", NoteTextLength)}");
            }
        }

        return new(usedPred.Count, pred.Count, gold.Count);
    }

    private static LayerCounts ScoreRelations(
        IReadOnlyList<GuidelinesRelation> gold, IReadOnlyList<GuidelinesRelation> pred, Dictionary<Id, Id> mapping,
        Dictionary<Id, string?> goldName, Dictionary<Id, string?> predName, List<string> notes)
    {
        // Gold relations deduplicated by key, the first one kept; the list keeps their order for notes.
        var goldKeys = new Dictionary<RelationKey, GuidelinesRelation>();
        var goldOrder = new List<RelationKey>();
        foreach (var g in gold)
        {
            var key = RelationKey.Of(g.Type, new(g.Source), new(g.Target));
            if (goldKeys.TryAdd(key, g))
            {
                goldOrder.Add(key);
            }
        }

        var seen = new HashSet<RelationKey>();
        foreach (var p in pred)
        {
            var found = mapping.TryGetValue(new(p.Source), out var s) & mapping.TryGetValue(new(p.Target), out var o);
            var hit = found && !string.IsNullOrEmpty(s.Value) && !string.IsNullOrEmpty(o.Value)
                && RelationKey.Of(p.Type, s, o) is var key && goldKeys.ContainsKey(key) && seen.Add(key);
            if (!hit)
            {
                notes.Add($"  relation spurious: {Show(predName.GetValueOrDefault(new(p.Source)))} {Show(p.Type)} {Show(predName.GetValueOrDefault(new(p.Target)))}");
            }
        }

        foreach (var key in goldOrder.Where(k => !seen.Contains(k)))
        {
            var g = goldKeys[key];
            notes.Add($"  relation missed: {Show(goldName.GetValueOrDefault(new(g.Source)))} {Show(g.Type)} {Show(goldName.GetValueOrDefault(new(g.Target)))}");
        }

        return new(seen.Count, pred.Count, goldKeys.Count);
    }

    private static LayerCounts ScoreEvents(
        IReadOnlyList<GuidelinesEvent> gold, IReadOnlyList<GuidelinesEvent> pred, Dictionary<Id, Id> mapping, List<string> notes)
    {
        var used = new HashSet<int>();
        foreach (var p in pred)
        {
            var ids = p.Actors.Concat(p.Places)
                .Select(x => mapping.TryGetValue(new(x), out var g) ? g.Value : null)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            var type = PythonUnicode.Lower(p.Type ?? "");
            var hit = -1;
            for (var j = 0; j < gold.Count && hit < 0; j++)
            {
                var g = gold[j];
                if (!used.Contains(j) && DateMatches(g.Date, p.Date)
                    && (PythonUnicode.Lower(g.Type ?? "") == type || g.Actors.Concat(g.Places).Any(ids.Contains)))
                {
                    hit = j;
                }
            }

            if (hit < 0)
            {
                notes.Add($"  event spurious: {Show(p.Date)} {Show(p.Type)}");
            }
            else
            {
                used.Add(hit);
            }
        }

        for (var j = 0; j < gold.Count; j++)
        {
            if (!used.Contains(j))
            {
                notes.Add($"  event missed: {Show(gold[j].Date)} {Show(gold[j].Type)}");
            }
        }

        return new(used.Count, pred.Count, gold.Count);
    }

    /// <summary>How Python's f-strings print a value that may be missing.</summary>
    private static string Show(string? value) => value ?? "None";

    /// <summary>A local id as score.py sees it: a missing id is one more key (Python's None), not an error.</summary>
    private readonly record struct Id(string? Value);

    /// <summary>A relation's identity; symmetric types put their two ends in a fixed order.</summary>
    private readonly record struct RelationKey(string? Type, Id Source, Id Target)
    {
        public static RelationKey Of(string? type, Id source, Id target)
        {
            if (type is null || !Symmetric.Contains(type))
            {
                return new(type, source, target);
            }

            // Python compares str() of both ends, so a missing end reads "None" here.
            var (a, b) = (Show(source.Value), Show(target.Value));
            return string.CompareOrdinal(a, b) <= 0 ? new(type, new(a), new(b)) : new(type, new(b), new(a));
        }
    }
}
