using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Server.Endpoints;

/// <summary>One page of a listing: the items, how many there are in all, and where the page starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);

/// <summary>
/// Query parameters shared by the endpoints. They arrive as text and are parsed here, so a bad value is
/// HRM0401 naming the parameter (400 problem+json) rather than a bare 400 from binding.
/// </summary>
internal static class Query
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Offset, int Limit) Paging(string? offset, string? limit)
    {
        var start = Integer(offset, "offset", 0);
        var count = Integer(limit, "limit", DefaultLimit);
        if (start < 0)
        {
            throw HarmattanError.BadArgument.At("offset", "must be 0 or more");
        }

        if (count is < 1 or > MaxLimit)
        {
            throw HarmattanError.BadArgument.At("limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxLimit}"));
        }

        return (start, count);
    }

    public static Page<T> Slice<T>(IReadOnlyList<T> all, (int Offset, int Limit) paging) =>
        new(all.Skip(paging.Offset).Take(paging.Limit).ToList(), all.Count, paging.Offset, paging.Limit);

    public static DatePeriod Period(string? since, string? until)
    {
        var period = new DatePeriod(Date(since, "since"), Date(until, "until"));
        if (period.Since is PartialDate s && period.Until is PartialDate u && s.Earliest > u.Latest)
        {
            throw HarmattanError.BadArgument.At("since", $"{s.ToIso()} is after until {u.ToIso()}");
        }

        return period;
    }

    /// <summary>The entity an optional parameter names; unknown is 404 (HRM0210), ambiguous 409 (HRM0211).</summary>
    public static EntityRef? Entity(KnowledgeStore store, string? nameOrId) =>
        string.IsNullOrWhiteSpace(nameOrId) ? null : store.ResolveEntity(nameOrId);

    /// <summary>
    /// As <see cref="Entity(KnowledgeStore, string?)"/>, and the problem names the parameter: its subject is
    /// <paramref name="parameter"/>, its detail the value given and why it names no entity (or several).
    /// </summary>
    public static EntityRef? Entity(KnowledgeStore store, string? nameOrId, string parameter)
    {
        try
        {
            return Entity(store, nameOrId);
        }
        catch (HarmattanException e) when (e.Error == HarmattanError.EntityNotFound || e.Error == HarmattanError.AmbiguousEntity)
        {
            throw e.Error.At(parameter, $"'{nameOrId?.Trim()}': {e.Detail}", e);
        }
    }

    /// <summary>Relation type names, each checked against the schema (HRM0401 naming the unknown one).</summary>
    public static IReadOnlyList<string> RelationTypes(Schema schema, string[]? types)
    {
        foreach (var type in types ?? [])
        {
            if (!schema.TryGetRelation(type, out _))
            {
                throw HarmattanError.BadArgument.At("type", $"'{type}' is not a relation type; known: {string.Join(", ", schema.RelationTypes.Select(r => r.Name))}");
            }
        }

        return types ?? [];
    }

    /// <summary>Entity type names (ArmedGroup, Person, ...), any case; a number is refused, not taken as an enum value.</summary>
    public static IReadOnlyList<EntityType> EntityTypes(string[]? types) =>
        (types ?? [])
            .Select(t => Enum.TryParse<EntityType>(t, ignoreCase: true, out var k) && !int.TryParse(t, CultureInfo.InvariantCulture, out _)
                ? k
                : throw HarmattanError.BadArgument.At("entityType", $"'{t}' is not an entity type; known: {string.Join(", ", Enum.GetNames<EntityType>())}"))
            .ToList();

    public static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw HarmattanError.BadArgument.At(name, "is required") : value;

    /// <summary>A decimal number of 0 or more, or <paramref name="fallback"/> when the parameter is absent.</summary>
    public static decimal Decimal(string? value, string name, decimal fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw HarmattanError.BadArgument.At(name, $"'{value}' is not a number of 0 or more");
    }

    private static PartialDate? Date(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return PartialDate.TryParse(value, out var date)
            ? date
            : throw HarmattanError.BadArgument.At(name, $"'{value}' is not a date like 2012, 2012-03 or 2012-03-22");
    }

    /// <summary>A whole number of 0 or more, or <paramref name="fallback"/> when the parameter is absent.</summary>
    public static int Integer(string? value, string name, int fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw HarmattanError.BadArgument.At(name, $"'{value}' is not a whole number");
    }
}
