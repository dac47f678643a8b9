using System.Globalization;

namespace Harmattan.Knowledge.Registries;

/// <summary>
/// The checks that need every file at once: unique ids, references (parents, countries, relation
/// targets, declared ambiguities) and names shared between entries.
/// </summary>
internal static class RegistryValidator
{
    public static (List<RegistryEntry> Entries, List<RegistryLink> Links, List<RegistryForm> Forms) Validate(
        List<RegistryDraft> drafts, Schema schema)
    {
        var byId = new Dictionary<string, RegistryEntry>(drafts.Count, StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var e = draft.Entry;
            if (!byId.TryAdd(e.Id, e))
            {
                throw Error(e, e.Line, $"id '{e.Id}' is already used at {Where(byId[e.Id])}");
            }
        }

        var countryCodes = new Dictionary<string, RegistryEntry>(StringComparer.Ordinal);
        foreach (var e in byId.Values.Where(e => e.Type == EntityType.Country))
        {
            if (!countryCodes.TryAdd(e.CountryCode!, e))
            {
                throw Error(e, e.Line, $"country code {e.CountryCode} is already used at {Where(countryCodes[e.CountryCode!])}");
            }
        }

        var links = new List<RegistryLink>();
        foreach (var draft in drafts)
        {
            var e = draft.Entry;
            if (e.Parent is { } parent && (!byId.ContainsKey(parent) || string.Equals(parent, e.Id, StringComparison.Ordinal)))
            {
                throw Error(e, draft.ParentLine, $"'{e.Id}': parent '{parent}' is not an entry of the loaded registries");
            }

            if (e.CountryCode is { } code && e.Type != EntityType.Country && !countryCodes.ContainsKey(code))
            {
                throw Error(e, draft.CountryLine, $"'{e.Id}': country '{code}' is not in the country registry");
            }

            foreach (var other in e.AmbiguousWith)
            {
                if (!byId.ContainsKey(other) || string.Equals(other, e.Id, StringComparison.Ordinal))
                {
                    throw Error(e, draft.AmbiguityLine, $"'{e.Id}': ambiguous_with names '{other}', which is not another entry");
                }
            }

            foreach (var (relation, target, line) in draft.Relations)
            {
                if (!schema.TryGetRelation(relation, out var type))
                {
                    throw Error(e, line, $"'{e.Id}': '{relation}' is not a relation type of the schema");
                }

                if (!byId.TryGetValue(target, out var to))
                {
                    throw Error(e, line, $"'{e.Id}': {relation} target '{target}' is not an entry of the loaded registries");
                }

                if (!type.Allows(e.Type, to.Type))
                {
                    throw Error(e, line, $"'{e.Id}' ({e.Type}) {relation} '{target}' ({to.Type}) is outside the relation's range");
                }

                links.Add(new RegistryLink(e.Id, relation, target, e.File, line));
            }
        }

        var forms = new List<RegistryForm>();
        var owners = new Dictionary<string, RegistryEntry>(StringComparer.Ordinal);
        var usedDeclarations = new HashSet<(string, string)>();
        foreach (var draft in drafts)
        {
            var e = draft.Entry;
            AddForm(forms, owners, usedDeclarations, e, e.Name, NameForm.Name);
            foreach (var alias in e.Aliases)
            {
                AddForm(forms, owners, usedDeclarations, e, alias, NameForm.Alias);
            }

            foreach (var demonym in e.Demonyms)
            {
                AddForm(forms, owners, usedDeclarations, e, demonym, NameForm.Demonym);
            }
        }

        foreach (var draft in drafts)
        {
            foreach (var other in draft.Entry.AmbiguousWith)
            {
                if (!usedDeclarations.Contains((draft.Entry.Id, other)))
                {
                    throw Error(draft.Entry, draft.AmbiguityLine,
                        $"'{draft.Entry.Id}' declares ambiguous_with '{other}' but shares no name with it; remove the declaration");
                }
            }
        }

        return ([.. drafts.Select(d => d.Entry)], links, forms);
    }

    private static void AddForm(
        List<RegistryForm> forms, Dictionary<string, RegistryEntry> owners, HashSet<(string, string)> usedDeclarations,
        RegistryEntry entry, string surface, NameForm form)
    {
        var key = NameKey.Fold(surface);
        forms.Add(new RegistryForm(surface, key, form, entry));
        if (!owners.TryGetValue(key, out var owner))
        {
            owners.Add(key, entry);
            return;
        }

        if (ReferenceEquals(owner, entry))
        {
            return;
        }

        // A key may be shared by several entries that all declare each other; check this entry
        // against every earlier owner of the key, not just the first.
        foreach (var earlier in forms.Where(f => string.Equals(f.Key, key, StringComparison.Ordinal) && !ReferenceEquals(f.Entry, entry)).Select(f => f.Entry).Distinct())
        {
            var declared = entry.AmbiguousWith.Contains(earlier.Id, StringComparer.Ordinal)
                || earlier.AmbiguousWith.Contains(entry.Id, StringComparer.Ordinal);
            if (!declared)
            {
                throw Error(entry, entry.Line,
                    $"'{surface}' (folded '{key}') names both '{earlier.Id}' at {Where(earlier)} and '{entry.Id}'; "
                    + "if both meanings are real, declare ambiguous_with on one of them");
            }

            usedDeclarations.Add((entry.Id, earlier.Id));
            usedDeclarations.Add((earlier.Id, entry.Id));
        }
    }

    private static string Where(RegistryEntry e) => e.File + ":" + e.Line.ToString(CultureInfo.InvariantCulture);

    private static HarmattanException Error(RegistryEntry e, int line, string detail) =>
        HarmattanError.BadDataFile.At(e.File + ":" + line.ToString(CultureInfo.InvariantCulture), detail);
}
