using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// A page of one entity's facts in a read transaction of its own: what every public profile-section query
    /// does around its read (<paramref name="read"/>, given the transaction's reader and the entity's id).
    /// </summary>
    private FactPage<T> EntityPage<T>(
        EntityRef entity, int offset, int limit, Func<FactReader, string, FactPage<T>> read,
        [CallerArgumentExpression(nameof(entity))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(entity, name);
        CheckPage(offset, limit);
        using var transaction = BeginRead();
        return read(new FactReader(_connection, transaction, _dialect), entity.Id);
    }

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
    /// What a page's total is made of: the rows <see cref="Counted"/> selects (a SELECT of anything, counted up
    /// to <see cref="CountLimit"/> + 1) less those <see cref="Excluded"/> counts (a SELECT count(*) of the
    /// rejected among them, found through the status index; null when nothing is left out). The page query
    /// carries both as two more columns (<see cref="Columns"/>), which the database computes once: a page and
    /// its total cost one round trip.
    /// </summary>
    private sealed record Totals(string Counted, string? Excluded)
    {
        public string Columns =>
            $"(SELECT count(*) FROM ({Counted} LIMIT {CountLimit + 1}) counted) AS Counted, {(Excluded is null ? "0" : $"({Excluded})")} AS Excluded";
    }

    /// <summary>
    /// A page from the <paramref name="limit"/> + 1 items its query read with the totals it carried: the rows
    /// counted up to the limit less those that leave the query. A page past the end carried no row, and its
    /// totals are read on their own.
    /// </summary>
    private static FactPage<T> Page<T>(FactReader reader, Read<T> read, int offset, int limit, Totals totals, object? args)
    {
        var (counted, excluded) = (read.Counted, read.Excluded);
        if (read.Items.Count == 0)
        {
            // Nothing at the first page: nothing the query admits (what was counted was all left out).
            (counted, excluded) = offset == 0
                ? (0, 0)
                : reader.Connection.QuerySingle<(long, long)>($"SELECT {totals.Columns}", args, reader.Transaction);
        }

        var more = read.Items.Count > limit;
        var items = more ? read.Items.GetRange(0, limit) : read.Items;
        var capped = counted > CountLimit;
        // Past the count limit, what is left out is counted in full: a total still says no fewer items than
        // the page saw.
        var seen = items.Count == 0 ? 0 : offset + items.Count + (more ? 1 : 0);
        var total = Math.Max((capped ? CountLimit : counted) - excluded, seen);
        return new FactPage<T>(items, total, capped, offset, limit, more);
    }

    /// <summary>What a query read, with the totals its rows carried (0 when it was not asked for them).</summary>
    private sealed record Read<T>(List<T> Items, long Counted, long Excluded);

    /// <summary>The <see cref="Totals.Columns"/> for a page query, or nothing for a list read whole.</summary>
    private static string TotalsColumns(Totals? totals) => totals is null ? "" : ", " + totals.Columns;

    /// <summary>
    /// The condition that the document of the fact aliased <paramref name="fact"/> (which has document_id
    /// and day, the first day of the document's date) is dated in <paramref name="period"/>, with its
    /// parameters. The fact's day bounds an index scan on both sides: no document whose date starts after the
    /// period's end overlaps it, and none whose date starts before the first day of the period's first year
    /// does, unless a document is dated by a range of years (found apart, there are few). A fact whose day is
    /// in the period needs no more (a date ends no earlier than it starts): only those dated earlier in the
    /// period's first year look their document up, so counting a period's facts reads the index alone.
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
        return (DocumentPeriod(fact, period), args);
    }

    /// <summary>
    /// The condition of <see cref="DocumentPeriod(FactReader, string, DatePeriod)"/> on another fact alias, with
    /// the parameters that call returned for the same period.
    /// </summary>
    private static string DocumentPeriod(string fact, DatePeriod period) =>
        period.IsBounded
            ? $"{fact}.day <= @PeriodLast AND {fact}.day >= @PeriodLowest AND ({fact}.day >= @PeriodFirst OR (SELECT dd.last_day FROM document_days dd WHERE dd.id = {fact}.document_id) >= @PeriodFirst)"
            : "1 = 1";

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
