using System.Globalization;
using Harmattan.Exchange.Csv;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Ucdp;

/// <summary>
/// Imports UCDP GED events (id, type_of_violence, side_a, side_b, dates, deaths, coordinates, ...): each row
/// a document of its own, as <see cref="Acled.AcledImporter"/> does, keyed by the GED id. State-based
/// violence (type 1) is a battle between a government (an organisation) and an armed group; non-state
/// violence (2) a battle between armed groups; one-sided violence (3) an attack on civilians (a people group)
/// by side_a. The best estimate of deaths is the figure; the other estimates stay in the fields.
/// </summary>
public sealed class UcdpImporter(ExchangeContext context)
{
    public const string Component = "import.ucdp/1";

    private const double Confidence = 0.9;

    public static readonly IReadOnlyList<string> Required = ["id", "type_of_violence", "side_a", "side_b", "date_start"];

    public ImportResult Import(KnowledgeStore store, string path, TextReader reader, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return CsvRecords.Open(path, reader, Required).StoreAll(store, "ucdp", "id", Read, by);
    }

    private string? Read(CsvRecords rows, CsvRecord row, out (Document Document, DocumentExtraction Extraction) built, out double? lat, out double? lon)
    {
        built = default;
        (lat, lon) = (null, null);
        string Get(string column) => rows.Get(row, column);
        var id = Get("id");
        if (id.Length == 0)
        {
            return "id is empty";
        }

        if (!CsvRecords.TryCount(Get("type_of_violence"), out var violence) || violence is < 1 or > 3)
        {
            return $"type_of_violence '{Get("type_of_violence")}' is not 1, 2 or 3";
        }

        if (!CsvRecords.TryDay(Get("date_start"), out var start))
        {
            return $"date_start '{Get("date_start")}' is not a date";
        }

        var end = start;
        if (Get("date_end").Length > 0 && (!CsvRecords.TryDay(Get("date_end"), out end) || end < start))
        {
            return $"date_end '{Get("date_end")}' is not a date on or after date_start";
        }

        if (Get("side_a").Length == 0 || Get("side_b").Length == 0)
        {
            return "side_a and side_b are required";
        }

        var (y, x, where) = CsvRecords.Coordinates(Get("latitude"), Get("longitude"));
        if (where is not null)
        {
            return where;
        }

        (lat, lon) = (y, x);
        int? best = null;
        if (Get("best").Length > 0)
        {
            if (!CsvRecords.TryCount(Get("best"), out var n))
            {
                return $"best '{Get("best")}' is not a whole number";
            }

            best = n;
        }

        // date_prec: 1 the day, 2–3 within days or a week (kept as date_start), 4 the month, 5 longer (the year).
        var date = (start == end ? "1" : Get("date_prec")) switch
        {
            "4" => PartialDate.OfMonth(start.Year, start.Month),
            "5" => PartialDate.OfYear(start.Year),
            _ => PartialDate.OfDay(start.Year, start.Month, start.Day),
        };
        var (type, kind) = violence switch
        {
            1 => ("battle", "State-based armed conflict"),
            2 => ("battle", "Non-state conflict"),
            _ => ("attack", "One-sided violence"),
        };
        var text = new RecordDocument(context, Component, Confidence);
        text.Write($"{kind} on {date.ToIso()}");
        var places = new List<string>();
        var place = Get("where_coordinates").Length > 0 ? Get("where_coordinates") : Get("adm_1");
        if (place.Length > 0)
        {
            text.Write(" at ");
            places.Add(text.Entity(EntityType.Place, place));
        }

        if (Get("country").Length > 0)
        {
            text.Write(place.Length > 0 ? ", " : " in ");
            places.Add(text.Entity(EntityType.Country, Get("country")));
        }

        if (lat is double la && lon is double lo)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $" (latitude {la}, longitude {lo})"));
        }

        if (Get("conflict_name").Length > 0)
        {
            text.Write($", in the conflict {Get("conflict_name")}");
        }

        var sentence = text.EndSentence();
        text.Write("Side A: ");
        var a = text.Entity(SideType(violence, Get("side_a"), isA: true), Get("side_a"));
        text.Write("; side B: ");
        var b = text.Entity(SideType(violence, Get("side_b"), isA: false), Get("side_b"));
        text.EndSentence();
        text.Event(type, date, places, [a, b], sentence);
        if (best is int dead)
        {
            var at = text.Position;
            var figure = string.Create(CultureInfo.InvariantCulture, $"{dead} deaths");
            text.Write(figure);
            text.Quantity(dead, "deaths", new Harmattan.Text.TextSpan(at, at + figure.Length), figure);
            text.Write(" (best estimate");
            if (Get("low").Length > 0 && Get("high").Length > 0)
            {
                text.Write($"; low {Get("low")}, high {Get("high")}");
            }

            text.Write(")");
            text.EndSentence();
        }

        if (Get("source_article").Length > 0)
        {
            text.Write("Source: " + Get("source_article").TrimEnd('.'));
            text.EndSentence();
        }

        text.Write($"UCDP GED event {id}");
        text.EndSentence();
        built = text.Build($"UCDP GED {id}: {kind}{(place.Length > 0 ? " at " + place : "")}, {date.ToIso()}", date, "UCDP GED: " + Path.GetFileName(rows.Path), null, "ucdp");
        return null;
    }

    /// <summary>A government side is an organisation (its forces); civilians are a people group; any other side an armed group.</summary>
    private static EntityType SideType(int violence, string name, bool isA)
    {
        if (name.StartsWith("Government of ", StringComparison.OrdinalIgnoreCase))
        {
            return EntityType.Organization;
        }

        return violence == 3 && !isA || name.Equals("Civilians", StringComparison.OrdinalIgnoreCase) ? EntityType.PeopleGroup : EntityType.ArmedGroup;
    }
}
