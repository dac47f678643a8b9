using System.Globalization;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// How far a page's total is counted. Counting walks an index (the entity's entries, without reading the
    /// rows), so it costs what it counts: stopping here keeps a page's cost bounded however often an actor is
    /// named. Past it a page says "at least this many" (<see cref="FactPage{T}.TotalIsLowerBound"/>).
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>How many of an entity's spellings a profile lists (the first stored).</summary>
    public const int AliasLimit = 100;

    /// <summary>The largest page a query answers.</summary>
    public const int MaxPageSize = 500;

    private static void CheckPage(int offset, int limit)
    {
        if (offset < 0)
        {
            throw HarmattanError.BadArgument.At("offset", "must be 0 or more");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            throw HarmattanError.BadArgument.At("limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxPageSize}"));
        }
    }

    /// <summary>
    /// How many rows <paramref name="rows"/> (a SELECT of anything) yields, counting at most
    /// <see cref="CountLimit"/> + 1 of them.
    /// </summary>
    private static long CountUpToLimit(FactReader reader, string rows, object? args) =>
        reader.Connection.ExecuteScalar<long>(
            $"SELECT count(*) FROM ({rows} LIMIT {CountLimit + 1}) counted",
            args,
            reader.Transaction);

    /// <summary>
    /// A page from the <paramref name="limit"/> + 1 items its query read, and its total: the rows counted up
    /// to the limit less those that leave the query (rejected facts, counted apart through their status).
    /// </summary>
    private static FactPage<T> Page<T>(List<T> read, int offset, int limit, long counted, long excluded)
    {
        var more = read.Count > limit;
        var items = more ? read.GetRange(0, limit) : read;
        var capped = counted > CountLimit;
        // The count and the page are read in one transaction and agree; past the count limit (less what was
        // excluded) a total still says no fewer items than the page saw.
        var seen = items.Count == 0 ? 0 : offset + items.Count + (more ? 1 : 0);
        var total = Math.Max((capped ? CountLimit : counted) - excluded, seen);
        return new FactPage<T>(items, total, capped, offset, limit, more);
    }

    /// <summary>
    /// The condition that the document of the fact aliased <paramref name="fact"/> (which has document_id
    /// and day, the first day of the document's date) is dated in <paramref name="period"/>, with its
    /// parameters. The fact's day bounds an index scan on both sides: no document whose date starts after the
    /// period's end overlaps it, and none whose date starts before the first day of the period's first year
    /// does, unless a document is dated by a range of years (found apart, there are few).
    /// </summary>
    private static (string Sql, DynamicParameters Args) DocumentPeriod(FactReader reader, string fact, DatePeriod period)
    {
        var args = new DynamicParameters();
        if (!period.IsBounded)
        {
            return ("1 = 1", args);
        }

        var first = StoredValues.Day(period.FirstDay);
        var lowest = period.Since is null ? first : string.Create(CultureInfo.InvariantCulture, $"{period.FirstDay.Year:D4}-01-01");
        if (period.Since is not null)
        {
            var spanning = reader.Connection.ExecuteScalar<string?>(
                """
                SELECT min(substr(published, 1, 4)) FROM documents
                WHERE published_precision IN ('YearRange', 'Decade') AND substr(published, 6, 4) >= @Year
                """,
                new { Year = period.FirstDay.Year.ToString("D4", CultureInfo.InvariantCulture) },
                reader.Transaction);
            if (spanning is not null && string.CompareOrdinal(spanning + "-01-01", lowest) < 0)
            {
                lowest = spanning + "-01-01";
            }
        }

        args.Add("PeriodFirst", first);
        args.Add("PeriodLowest", lowest);
        args.Add("PeriodLast", StoredValues.Day(period.LastDay));
        return (
            $"{fact}.day <= @PeriodLast AND {fact}.day >= @PeriodLowest AND (SELECT dd.last_day FROM document_days dd WHERE dd.id = {fact}.document_id) >= @PeriodFirst",
            args);
    }

    /// <summary>
    /// The condition that an event (or an event link, which carries the event's days) aliased
    /// <paramref name="alias"/> overlaps <paramref name="period"/>.
    /// </summary>
    private static (string Sql, object Args) EventPeriod(string alias, DatePeriod period) =>
        period.IsBounded
            ? ($"{alias}.earliest_day <= @PeriodLast AND {alias}.latest_day >= @PeriodFirst",
               new { PeriodFirst = StoredValues.Day(period.FirstDay), PeriodLast = StoredValues.Day(period.LastDay) })
            : ("1 = 1", new { PeriodFirst = "", PeriodLast = "" });
}
