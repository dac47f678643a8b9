using System.Globalization;
using Harmattan.Knowledge;

namespace Harmattan.Store.Resolution;

/// <summary>How a document's entity was linked to the knowledge base (entity_resolutions.method).</summary>
public enum ResolutionMethod
{
    /// <summary>Nothing stored matched: the entity is new.</summary>
    New,

    /// <summary>A stored entity has the very id the extraction derived (same registry entry, or same type and folded name).</summary>
    Id,

    /// <summary>A stored entity is linked to the same registry entry.</summary>
    Registry,

    /// <summary>A name or alias folds to a stored name or alias.</summary>
    Alias,

    /// <summary>An acronym equals the initials of a stored name, or the initials of a name equal a stored acronym.</summary>
    Acronym,

    /// <summary>A person named by surname alone, and a stored person whose full name ends with it (or the reverse).</summary>
    Surname,

    /// <summary>Names close by <see cref="NameSimilarity.Close"/>; the score is their Jaro-Winkler similarity.</summary>
    Fuzzy,

    /// <summary>Several stored entities matched equally well: none was chosen and the entity is new.</summary>
    Ambiguous,
}

/// <summary>A stored entity that shares a lookup key with the entity being resolved.</summary>
public sealed record EntityCandidate(string Id, EntityType Type, string Name, string? RegistryId, IReadOnlyList<EntityKey> Keys);

/// <summary>
/// What one entity of a document's extraction resolved to and why. <see cref="Matched"/> is the key
/// that matched (a folded alias, an acronym, a surname, or the stored name for fuzzy matches);
/// <see cref="Note"/> lists the candidates of an ambiguous match.
/// </summary>
public sealed record EntityResolution(
    string ExtractedId,
    string Name,
    string EntityId,
    ResolutionMethod Method,
    double Score,
    string? Matched,
    string? Note);

/// <summary>
/// Decides, without touching the store, which stored entity (if any) a document's entity is. Rules are
/// tried strongest first and the first rule that finds anything decides: same id, same registry entry,
/// same folded name or alias, acronym against initials, surname (people only), then fuzzy names. A rule
/// that finds two or more entities links to none (<see cref="ResolutionMethod.Ambiguous"/>), because a
/// wrong merge hides facts under another actor's name and is worse than a duplicate an analyst can merge.
/// Different types never match, and neither do two entities linked to different registry entries.
/// </summary>
public static class EntityMatcher
{
    public static EntityResolution Resolve(Entity entity, IReadOnlyList<EntityKey> keys, IEnumerable<EntityCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(candidates);

        var pool = candidates
            .Where(c => c.Type == entity.Type)
            .Where(c => entity.RegistryId is null || c.RegistryId is null || string.Equals(c.RegistryId, entity.RegistryId, StringComparison.Ordinal))
            .DistinctBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        var exact = pool.FirstOrDefault(c => string.Equals(c.Id, entity.Id, StringComparison.Ordinal));
        if (exact is not null)
        {
            return Linked(entity, exact, ResolutionMethod.Id, 1, entity.Id);
        }

        if (entity.RegistryId is not null)
        {
            var sameEntry = pool.Where(c => string.Equals(c.RegistryId, entity.RegistryId, StringComparison.Ordinal)).ToList();
            if (sameEntry.Count > 0)
            {
                return Decide(entity, sameEntry.Select(c => (c, 1.0, (string?)entity.RegistryId)).ToList(), ResolutionMethod.Registry);
            }
        }

        var names = keys.Where(k => k.Kind == EntityKeyKind.Name).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var byAlias = pool
            .Select(c => (Candidate: c, Key: SharedName(entity.Type, names, NamesOf(c).ToList())))
            .Where(x => x.Key is not null)
            .Select(x => (x.Candidate, 1.0, x.Key))
            .ToList();
        if (byAlias.Count > 0)
        {
            return Decide(entity, byAlias, ResolutionMethod.Alias);
        }

        var acronyms = entity.Aliases.Prepend(entity.Name)
            .Where(EntityKeys.IsAcronym)
            .Select(Harmattan.Knowledge.Registries.NameKey.Fold)
            .ToHashSet(StringComparer.Ordinal);
        var initials = keys.Where(k => k.Kind == EntityKeyKind.Initials).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var byAcronym = pool
            .Select(c => (Candidate: c, Key: c.Keys.Where(k => k.Kind == EntityKeyKind.Initials).Select(k => k.Key).FirstOrDefault(acronyms.Contains)
                ?? NamesOf(c).Where(n => !n.Contains(' ', StringComparison.Ordinal)).FirstOrDefault(initials.Contains)))
            .Where(x => x.Key is not null)
            .Select(x => (x.Candidate, 1.0, x.Key))
            .ToList();
        if (byAcronym.Count > 0)
        {
            return Decide(entity, byAcronym, ResolutionMethod.Acronym);
        }

        if (entity.Type == EntityType.Person)
        {
            var bySurname = pool
                .Select(c => (Candidate: c, Key: SharedSurname(names, NamesOf(c))))
                .Where(x => x.Key is not null)
                .Select(x => (x.Candidate, 1.0, x.Key))
                .ToList();
            if (bySurname.Count > 0)
            {
                return Decide(entity, bySurname, ResolutionMethod.Surname);
            }
        }

        var byFuzzy = pool
            .Select(c => BestFuzzy(entity.Type, names, c))
            .Where(x => x.Score > 0)
            .ToList();
        return byFuzzy.Count > 0
            ? Decide(entity, byFuzzy, ResolutionMethod.Fuzzy)
            : new EntityResolution(entity.Id, entity.Name, entity.Id, ResolutionMethod.New, 0, null, null);
    }

    private static IEnumerable<string> NamesOf(EntityCandidate candidate) =>
        candidate.Keys.Where(k => k.Kind == EntityKeyKind.Name).Select(k => k.Key);

    private static bool IsFull(string name) => name.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// The first stored name or alias the document's entity has too. Between two people who each have a full
    /// name, a shared one-word name (the surname "Traoré" both were called by, or a given name) is not one:
    /// "Amadou Traoré", called "Traoré" in his report, is not "Ibrahim Traoré", whose record holds "Traoré" too.
    /// Their full names decide, here or by the fuzzy rule, as with <see cref="SharedSurname"/>.
    /// </summary>
    private static string? SharedName(EntityType type, IReadOnlySet<string> names, IReadOnlyList<string> storedNames)
    {
        var shared = storedNames.Where(names.Contains).ToList();
        if (shared.Count == 0)
        {
            return null;
        }

        return !BothFull(type, names, storedNames) || shared.Any(IsFull) ? shared[0] : null;
    }

    /// <summary>Two people each known by a full name (of more than one word), whose full names then decide.</summary>
    private static bool BothFull(EntityType type, IReadOnlySet<string> names, IReadOnlyList<string> storedNames) =>
        type == EntityType.Person && names.Any(IsFull) && storedNames.Any(IsFull);

    /// <summary>
    /// A person known on one side only by a one-word name (a surname) and on the other by a full name
    /// ending with it. When both sides have full names they decide (by alias or fuzzy match): "Hawa
    /// Touré" is not "Amadou Toumani Touré" because his record also holds the surname "Touré".
    /// </summary>
    private static string? SharedSurname(IReadOnlySet<string> names, IEnumerable<string> storedNames)
    {
        var stored = storedNames.ToList();
        var (singles, fulls) = names.Any(IsFull) ? (stored, names.ToList()) : (names.ToList(), stored);
        if (singles.Any(IsFull))
        {
            return null;
        }

        foreach (var single in singles.Where(s => s.Length >= EntityKeys.MinimumTokenLength))
        {
            if (fulls.Any(full => full.EndsWith(" " + single, StringComparison.Ordinal)))
            {
                return single;
            }
        }

        return null;
    }

    /// <summary>
    /// The closest pair of a stored name and one of the document's. Two people who each have a full name are
    /// compared by their full names only (a shared one-word name is no evidence, see <see cref="SharedName"/>),
    /// and people's names must also be within one edit word by word (<see cref="NameSimilarity.WordsWithinOneEdit"/>).
    /// </summary>
    private static (EntityCandidate Candidate, double Score, string? Key) BestFuzzy(EntityType type, IReadOnlySet<string> names, EntityCandidate candidate)
    {
        var best = (Candidate: candidate, Score: 0.0, Key: (string?)null);
        var storedNames = NamesOf(candidate).ToList();
        var fullOnly = BothFull(type, names, storedNames);
        foreach (var stored in storedNames.Where(s => !fullOnly || IsFull(s)))
        {
            foreach (var name in names.Where(n => !fullOnly || IsFull(n)))
            {
                if (NameSimilarity.Close(name, stored, oneEditPerWord: type == EntityType.Person) is { } score && score > best.Score)
                {
                    best = (candidate, score, stored);
                }
            }
        }

        return best;
    }

    private static EntityResolution Decide(Entity entity, List<(EntityCandidate Candidate, double Score, string? Key)> found, ResolutionMethod method)
    {
        if (found.Count == 1)
        {
            return Linked(entity, found[0].Candidate, method, found[0].Score, found[0].Key);
        }

        var note = "candidates: " + string.Join("; ", found
            .OrderBy(f => f.Candidate.Id, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Candidate.Id} '{f.Candidate.Name}' ({method.ToString().ToLowerInvariant()} {f.Score:0.###})")));
        return new EntityResolution(entity.Id, entity.Name, entity.Id, ResolutionMethod.Ambiguous, 0, null, note);
    }

    private static EntityResolution Linked(Entity entity, EntityCandidate candidate, ResolutionMethod method, double score, string? key) =>
        new(entity.Id, entity.Name, candidate.Id, method, score, key, null);
}
