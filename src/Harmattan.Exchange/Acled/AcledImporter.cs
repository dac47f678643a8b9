using System.Globalization;
using System.Text.RegularExpressions;
using Harmattan.Exchange.Csv;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Acled;

/// <summary>
/// Imports an ACLED export (the codebook's columns): each row becomes a document of its own whose text is
/// written from the row (<see cref="RecordDocument"/>), with the event (type mapped back through
/// data/schema/events, date and its precision), its place and country (the row's coordinates kept), its
/// actors typed from the inter codes and linked to known entities by the store's resolver, and the
/// fatalities as a figure. The row's fields are kept as the record's provenance. Rows are keyed by
/// event_id_cnty: an unchanged row changes nothing; a changed one replaces its document.
/// </summary>
public sealed partial class AcledImporter(ExchangeContext context)
{
    public const string Component = "import.acled/1";

    /// <summary>ACLED's events are curated by coders: as sure as an importer can say, short of a reviewed fact.</summary>
    private const double Confidence = 0.9;

    public ImportResult Import(KnowledgeStore store, string path, TextReader reader, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return CsvRecords.Open(path, reader, AcledColumns.Required).StoreAll(store, "acled", "event_id_cnty", Read, by);
    }

    private string? Read(CsvRecords rows, CsvRecord row, out (Document Document, DocumentExtraction Extraction) built, out double? lat, out double? lon)
    {
        built = default;
        string Get(string column) => rows.Get(row, column);
        var id = Get("event_id_cnty");
        (lat, lon) = (null, null);
        if (id.Length == 0)
        {
            return "event_id_cnty is empty";
        }

        if (!CsvRecords.TryDay(Get("event_date"), out var day))
        {
            return $"event_date '{Get("event_date")}' is not a date";
        }

        var eventType = Get("event_type");
        var subType = Get("sub_event_type");
        var actor1 = Get("actor1");
        if (eventType.Length == 0)
        {
            return "event_type is empty";
        }

        var (y, x, where) = CsvRecords.Coordinates(Get("latitude"), Get("longitude"));
        if (where is not null)
        {
            return where;
        }

        (lat, lon) = (y, x);
        int? fatalities = null;
        if (Get("fatalities").Length > 0)
        {
            if (!CsvRecords.TryCount(Get("fatalities"), out var n))
            {
                return $"fatalities '{Get("fatalities")}' is not a whole number";
            }

            fatalities = n;
        }

        var inter1 = Inter(Get("inter1"));
        var inter2 = Inter(Get("inter2"));
        if (inter1 is null && Get("inter1").Length > 0 || inter2 is null && Get("inter2").Length > 0)
        {
            return "inter1 and inter2 are ACLED actor type codes 1 to 8";
        }

        // time_precision: 1 the day is known, 2 within a week (kept as the day ACLED gives), 3 within a month.
        // Our own export says in tags what ACLED's columns cannot: our event type and the date as we had it.
        var tags = Get("tags").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var taggedDate = tags.FirstOrDefault(t => t.StartsWith("date=", StringComparison.Ordinal))?[5..];
        var date = PartialDate.TryParse(taggedDate, out var ours) && ours.Earliest == day ? ours
            : Get("time_precision") == "3" ? PartialDate.OfMonth(day.Year, day.Month)
            : PartialDate.OfDay(day.Year, day.Month, day.Day);
        var type = tags.FirstOrDefault(t => t.StartsWith("harmattan_type=", StringComparison.Ordinal))?["harmattan_type=".Length..] is { Length: > 0 } tagged
            ? tagged
            : EventType(eventType, subType);
        var text = new RecordDocument(context, Component, Confidence);

        text.Write($"{eventType}{(subType.Length > 0 ? $" ({subType})" : "")} on {date.ToIso()}");
        var places = new List<string>();
        var location = Get("location");
        if (location.Length > 0)
        {
            text.Write(" in ");
            places.Add(text.Entity(EntityType.Place, location));
            foreach (var admin in new[] { Get("admin1") }.Where(a => a.Length > 0 && !string.Equals(a, location, StringComparison.OrdinalIgnoreCase)))
            {
                text.Write(", " + admin);
            }
        }

        if (Get("country").Length > 0)
        {
            text.Write(location.Length > 0 ? ", " : " in ");
            places.Add(text.Entity(EntityType.Country, Get("country")));
        }

        if (lat is double la && lon is double lo)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $" (latitude {la}, longitude {lo})"));
        }

        var eventSentence = text.EndSentence();
        var actors = new List<string>();
        if (actor1.Length > 0)
        {
            text.Write("Actor 1: ");
            actors.Add(text.Entity(TypeOf(inter1), ActorName(actor1)));
            Describe(text, inter1);
            foreach (var assoc in Split(Get("assoc_actor_1")))
            {
                text.Write(", with ");
                actors.Add(text.Entity(TypeOf(inter1), ActorName(assoc)));
            }

            text.EndSentence();
        }
        if (Get("actor2").Length > 0)
        {
            text.Write("Actor 2: ");
            actors.Add(text.Entity(TypeOf(inter2), ActorName(Get("actor2"))));
            Describe(text, inter2);
            foreach (var assoc in Split(Get("assoc_actor_2")))
            {
                text.Write(", with ");
                actors.Add(text.Entity(TypeOf(inter2), ActorName(assoc)));
            }

            text.EndSentence();
        }

        text.Event(type, date, places, actors, eventSentence);
        if (fatalities is int dead)
        {
            var start = text.Position;
            var figure = string.Create(CultureInfo.InvariantCulture, $"{dead} {(dead == 1 ? "fatality" : "fatalities")}");
            text.Write(figure);
            text.Quantity(dead, "fatalities", new Harmattan.Text.TextSpan(start, start + figure.Length), figure);
            text.Write(" reported");
            text.EndSentence();
        }

        if (Get("civilian_targeting").Length > 0)
        {
            text.Write("Civilians were targeted");
            text.EndSentence();
        }

        if (Get("source").Length > 0)
        {
            text.Write($"Source: {Get("source")}{(Get("source_scale").Length > 0 ? $" ({Get("source_scale")})" : "")}");
            text.EndSentence();
        }

        if (Get("notes").Length > 0)
        {
            text.Write("Notes: " + Get("notes").TrimEnd('.'));
            text.EndSentence();
        }

        text.Write($"ACLED event {id}");
        text.EndSentence();
        var title = $"ACLED {id}: {eventType}{(location.Length > 0 ? " in " + location : "")}, {date.ToIso()}";
        built = text.Build(title, date, "ACLED: " + System.IO.Path.GetFileName(rows.Path), null, ExportSelection.AcledFormat);
        return null;
    }

    /// <summary>Our event type of an ACLED event and sub-event type: the schema's exact pair, else its event type, else the sub-event type as a name.</summary>
    private string EventType(string eventType, string subType)
    {
        var types = context.Schema.EventTypes;
        return types.FirstOrDefault(t => string.Equals(t.AcledEventType, eventType, StringComparison.OrdinalIgnoreCase) && string.Equals(t.AcledSubEventType, subType, StringComparison.OrdinalIgnoreCase))?.Name
            ?? types.FirstOrDefault(t => string.Equals(t.AcledEventType, eventType, StringComparison.OrdinalIgnoreCase) && t.AcledSubEventType is "Other" or null)?.Name
            ?? Slug(subType.Length > 0 ? subType : eventType);
    }

    /// <summary>The entity type of an actor of an inter code: the first schema type that lists the code (state forces and external forces are organisations, rebel and militia groups armed groups); protesters, rioters and civilians are people groups.</summary>
    private EntityType TypeOf(int? inter)
    {
        if (inter is not int code)
        {
            return EntityType.ArmedGroup;
        }

        EntityType[] preference = [EntityType.ArmedGroup, EntityType.Organization, EntityType.PeopleGroup, EntityType.Person];
        return preference.Where(t => context.Schema.Entity(t).AcledInter.Contains(code)).Cast<EntityType?>().FirstOrDefault() ?? EntityType.PeopleGroup;
    }

    private static void Describe(RecordDocument text, int? inter)
    {
        if (inter is int code)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $" ({AcledColumns.InterName(code)}, inter code {code})"));
        }
    }

    private static int? Inter(string text) => CsvRecords.TryCount(text, out var code) && code is >= 1 and <= 8 ? code : null;

    private static IEnumerable<string> Split(string actors) =>
        actors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ActorName).Where(a => a.Length > 0);

    /// <summary>ACLED dates its actors' names ("Military Forces of Mali (2012-2013)"); the entity is the force, the period stays in the fields.</summary>
    private static string ActorName(string name) => Period().Replace(name, "").Trim();

    private static string Slug(string text) => string.Join("_", text.ToLowerInvariant().Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\s*\((?:\d{4})?-?(?:\d{4})?\)$")]
    private static partial Regex Period();
}
