using Harmattan.Extraction.Output;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>
/// Deterministic damage to a gold annotation, so that a prediction exercises every branch of the
/// scorer: missed, spurious and mistyped entities, renamed ones, competing duplicates, truncated and
/// reattributed claims, flipped relations, shifted dates. The seed fixes every choice.
/// </summary>
internal sealed class Perturbation(int seed)
{
    private static readonly string[] Types = ["Person", "ArmedGroup", "Organization", "Country", "Place", "PeopleGroup"];
    private static readonly string[] RelationTypes = ["affiliated_with", "leads", "offshoot_of", "cooperates_with", "opposes", "operates_in"];
    private static readonly string[] EventTypes = ["attack", "coup", "takeover", "agreement", "founding"];

    private readonly Random _random = new(seed);

    public GuidelinesDocument Apply(GuidelinesDocument gold)
    {
        var entities = new List<GuidelinesEntity>();
        foreach (var e in gold.Entities)
        {
            if (Chance(0.12))
            {
                continue; // missed; references to it now dangle
            }

            entities.Add(e with { Name = Rename(e), Type = Chance(0.15) ? Pick(Types) : e.Type, Aliases = Aliases(e) });
            if (Chance(0.08))
            {
                // A competing duplicate: same names under another id, perhaps another type.
                entities.Add(e with { Id = e.Id + "dup", Type = Pick(Types) });
            }
        }

        entities.Add(new GuidelinesEntity("X1", "Société Générale du Sahel", "Organization", ["SGS"]));
        entities.Add(new GuidelinesEntity("X2", "ΟΔΟΣ", "Place", []));
        entities.Add(new GuidelinesEntity("X3", null, "Place", ["the   ", "’"]));
        if (Chance(0.5))
        {
            entities.Reverse();
        }

        var ids = entities.Select(e => e.Id).OfType<string>().ToList();
        var claims = new List<GuidelinesClaim>();
        foreach (var c in gold.Claims)
        {
            if (Chance(0.1))
            {
                continue;
            }

            var changed = c with
            {
                Text = Chance(0.5) ? Truncate(c.Text) : c.Text,
                Speaker = Chance(0.1) && ids.Count > 0 ? Pick(ids) : c.Speaker,
            };
            claims.Add(changed);
            if (Chance(0.15))
            {
                claims.Add(changed); // ties on token F1
            }
        }

        if (gold.Claims.Count > 0)
        {
            claims.Add(new GuidelinesClaim(gold.Claims[0].Speaker, "said", "nothing at all like the original statement"));
        }

        var relations = new List<GuidelinesRelation>();
        foreach (var r in gold.Relations)
        {
            if (Chance(0.1))
            {
                continue;
            }

            var changed = Chance(0.4) ? r with { Source = r.Target, Target = r.Source } : r;
            relations.Add(Chance(0.1) ? changed with { Type = Pick(RelationTypes) } : changed);
            if (Chance(0.08))
            {
                relations.Add(changed);
            }
        }

        if (ids.Count > 1)
        {
            relations.Add(new GuidelinesRelation("opposes", ids[0], ids[^1]));
            relations.Add(new GuidelinesRelation("leads", "nobody", ids[0]));
        }

        var events = new List<GuidelinesEvent>();
        foreach (var e in gold.Events)
        {
            if (Chance(0.1))
            {
                continue;
            }

            events.Add(e with
            {
                Date = Chance(0.35) ? Shift(e.Date) : e.Date,
                Type = Chance(0.2) ? Pick(EventTypes) : Chance(0.2) ? e.Type?.ToUpperInvariant() : e.Type,
                Actors = Chance(0.3) ? [] : e.Actors,
                Places = Chance(0.3) ? [] : e.Places,
            });
        }

        events.Add(new GuidelinesEvent("attack", "2012-01-17", [], ids.Take(1).ToList()));
        if (Chance(0.5))
        {
            events.Reverse();
        }

        return new GuidelinesDocument(entities, claims, relations, events);
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string? Rename(GuidelinesEntity e)
    {
        var name = e.Name ?? "";
        return _random.Next(10) switch
        {
            0 when e.Aliases.Count > 0 => e.Aliases[0],
            1 => name.ToUpperInvariant(),
            2 => "The " + name,
            3 => name.Replace('e', 'é').Replace('a', 'à'),
            4 => name.Replace(' ', '-'),
            5 => name + " Brigade",
            6 => name.Replace("Al-", "al ", StringComparison.Ordinal).Replace("'", "\u2019", StringComparison.Ordinal),
            _ => e.Name,
        };
    }

    private IReadOnlyList<string> Aliases(GuidelinesEntity e) => _random.Next(4) switch
    {
        0 => [],
        1 => [.. e.Aliases.Take(1)],
        _ => e.Aliases,
    };

    private string? Truncate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var words = text.Split(' ');
        var keep = Math.Max(1, (int)Math.Round(words.Length * (0.2 + (0.8 * _random.NextDouble()))));
        return string.Join(' ', words.Take(keep));
    }

    private string? Shift(string? date)
    {
        if (string.IsNullOrEmpty(date) || date.Length < 4 || !int.TryParse(date[..4], System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return date;
        }

        return _random.Next(5) switch
        {
            0 => (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + date[4..],
            1 => date[..4],
            2 => date.Contains('/', StringComparison.Ordinal) ? date[..4] : date + (date.Length == 4 ? "-06" : date.Length == 7 ? "-15" : ""),
            3 => date + "0",
            _ => " " + date + " ",
        };
    }
}
