using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Server.Endpoints;

/// <summary>One page of a listing: the items, how many there are in all, and where the page starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);

/// <summary>
/// A value a request gave under a name (a query or route parameter, a member of the body) that the store looks up,
/// and the errors that say it names nothing, or several things.
/// </summary>
internal sealed record Input(string Parameter, string? Value, IReadOnlyList<HarmattanError> Errors)
{
    public static Input Entity(string parameter, string? value) =>
        new(parameter, value, [HarmattanError.EntityNotFound, HarmattanError.AmbiguousEntity]);

    public static Input Document(string parameter, string? value) =>
        new(parameter, value, [HarmattanError.DocumentNotFound, HarmattanError.AmbiguousDocument]);

    /// <summary>A fact, review, change, user or token: what it names is unknown when <paramref name="notFound"/>.</summary>
    public static Input Of(HarmattanError notFound, string parameter, string? value) => new(parameter, value, [notFound]);
}

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

    /// <summary>
    /// The entity an optional parameter names, or null when it is absent. Unknown is 404 (HRM0210), ambiguous 409
    /// (HRM0211) with the candidates; either problem's subject is <paramref name="parameter"/> (see <see cref="Naming"/>).
    /// </summary>
    public static EntityRef? Entity(KnowledgeStore store, string? nameOrId, string parameter) =>
        string.IsNullOrWhiteSpace(nameOrId) ? null : Naming(() => store.ResolveEntity(nameOrId), Input.Entity(parameter, nameOrId));

    /// <summary>
    /// Runs <paramref name="read"/>, a store call that looks up what the request's <paramref name="inputs"/> name. When
    /// one of them names nothing (or several things), the store's problem is about the value; this one is about the
    /// input: its subject the parameter (or body member), its detail the value given and the store's reason, its
    /// candidates kept. Which input failed is told by the error (an unknown document is the document's), and between
    /// two inputs of one kind (two entities) by the value the store names.
    /// </summary>
    public static T Naming<T>(Func<T> read, params Input[] inputs)
    {
        try
        {
            return read();
        }
        catch (HarmattanException e) when (Failed(e, inputs) is { } input)
        {
            var given = $"'{input.Value?.Trim()}'";
            throw e.Error.At(input.Parameter, e.Detail is null ? given : $"{given}: {e.Detail}", e, e.Candidates);
        }
    }

    private static Input? Failed(HarmattanException e, Input[] inputs)
    {
        var fitting = inputs.Where(i => i.Errors.Contains(e.Error)).ToList();
        return fitting.Count <= 1
            ? fitting.SingleOrDefault()
            : fitting.FirstOrDefault(i => string.Equals(i.Value?.Trim(), e.Subject, StringComparison.OrdinalIgnoreCase));
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
