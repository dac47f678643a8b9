using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// Options and rendering shared by the analyst query verbs (actor, network, timeline, claims, places,
/// disputes): the period, naming an entity, and how a fact's source is shown.
/// </summary>
internal static class QueryOptions
{
    public static Option<string?> Since() => new("--since")
    {
        Description = "Only from this date on: 2012, 2012-03 or 2012-03-22.",
        HelpName = "DATE",
    };

    public static Option<string?> Until() => new("--until")
    {
        Description = "Only up to this date (inclusive): 2012, 2012-03 or 2012-03-22.",
        HelpName = "DATE",
    };

    public static Option<string?> Entity(string name, string description) => new(name) { Description = description, HelpName = "NAME" };

    /// <summary>The period of --since/--until; a bad date or an empty period is a usage error naming the option.</summary>
    public static DatePeriod Period(ParseResult parse, Option<string?> since, Option<string?> until)
    {
        var period = new DatePeriod(
            CommonOptions.ParseDate(parse.GetValue(since), "--since"),
            CommonOptions.ParseDate(parse.GetValue(until), "--until"));
        if (period.Since is PartialDate s && period.Until is PartialDate u && s.Earliest > u.Latest)
        {
            throw HarmattanError.BadArgument.At("--since", $"{s.ToIso()} is after --until {u.ToIso()}");
        }

        return period;
    }

    /// <summary>
    /// The entity a name means, or null after printing why there is none (unknown or ambiguous name):
    /// the verb then exits with <see cref="HarmattanCli.SomeInputsFailed"/>, since the command ran but the
    /// name the analyst gave matched nothing usable.
    /// </summary>
    public static bool TryResolve(KnowledgeStore store, string name, CliEnvironment env, out EntityRef entity)
    {
        try
        {
            entity = store.ResolveEntity(name);
            return true;
        }
        catch (HarmattanException e) when (e.Error == HarmattanError.EntityNotFound || e.Error == HarmattanError.AmbiguousEntity)
        {
            env.Error.WriteLine($"harmattan: {e.Message}");
            entity = null!;
            return false;
        }
    }

    /// <summary>Resolves an optional entity option; false (after printing why) when given but unusable.</summary>
    public static bool TryResolveOptional(KnowledgeStore store, string? name, CliEnvironment env, out EntityRef? entity)
    {
        entity = null;
        if (name is null)
        {
            return true;
        }

        if (!TryResolve(store, name, env, out var found))
        {
            return false;
        }

        entity = found;
        return true;
    }

    /// <summary>A source as a table shows it: the title and the document's date.</summary>
    public static string Cite(FactSource source) =>
        Markup.Escape($"{source.Title} ({source.Date.ToIso()}{(source.DateIsPublished ? "" : ", ingested")})");

    /// <summary>A source as JSON shows it.</summary>
    public static object Json(FactSource source) => new
    {
        document = source.DocumentId,
        title = source.Title,
        date = source.Date.ToIso(),
        date_is_published = source.DateIsPublished,
        evidence = source.Evidence,
    };

    public static object Json(EntityRef entity) => new { id = entity.Id, name = entity.Name, type = entity.Type.ToString() };

    public static string Names(IEnumerable<EntityRef> entities) => Markup.Escape(string.Join(", ", entities.Select(e => e.Name)));

    public static string Count(long n, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");

    public static Table Table(string title, params string[] columns) =>
        new Table().Border(TableBorder.Simple).Title(title).AddColumns(columns);
}
