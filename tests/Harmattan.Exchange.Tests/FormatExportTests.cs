using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Harmattan.Exchange.Acled;
using Harmattan.Exchange.Csv;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Tests;

/// <summary>GraphML, GeoJSON, ACLED-style CSV and JSON Lines exports of the sample reports, read back and checked against the store.</summary>
public sealed class FormatExportTests(SampleKnowledge samples) : IClassFixture<SampleKnowledge>
{
    private static readonly XNamespace G = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public void An_actor_or_place_selection_that_reads_only_the_documents_naming_it_writes_what_a_filter_over_everything_writes()
    {
        var coordinates = samples.Store.PlaceCoordinates()
            .ToDictionary(c => c.EntityId, c => new GeoPoint(c.Lat, c.Lon, c.Source), StringComparer.Ordinal);
        var entities = samples.Snapshot.Entities.Select(e => new EntityRef(e.Id, e.Name, e.Type)).ToList();
        var places = entities.Where(e => e.Type is EntityType.Place or EntityType.Country).ToList();
        var filters = entities.Select(e => new ExportFilter(Actor: e))
            .Concat(places.Select(p => new ExportFilter(Place: p)))
            .Concat(places.Take(3).SelectMany(p => entities.Take(20).Select(a => new ExportFilter(new DatePeriod(PartialDate.Parse("2012")), a, p))))
            .ToList();
        Assert.True(filters.Count > 100, $"{filters.Count} filters");

        var written = 0L;
        foreach (var filter in filters)
        {
            using var everything = ExportSelection.From(samples.Snapshot, coordinates, filter);
            using var read = ExportSelection.From(samples.Store, filter);
            foreach (var format in new[] { ExportFormat.JsonLines, ExportFormat.Stix })
            {
                Assert.Equal(Write(format, everything), Write(format, read));
            }

            written += read.Counts.Relations + read.Counts.Events + read.Counts.Claims;
        }

        Assert.True(written > 300, $"{written} facts selected in all");

        byte[] Write(ExportFormat format, ExportSelection selection)
        {
            using var buffer = new MemoryStream();
            new Exporter(samples.Context).Write(format, selection, buffer);
            return buffer.ToArray();
        }
    }

    [Fact]
    public void GraphMl_reads_back_node_for_node_and_edge_for_edge()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(samples.Export(ExportFormat.GraphMl)));
        var keys = xml.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);
        var graph = xml.Root.Element(G + "graph")!;
        var nodes = graph.Elements(G + "node").ToDictionary(n => (string)n.Attribute("id")!);
        var edges = graph.Elements(G + "edge").ToList();

        // Every data element names a declared key for its own kind of element.
        foreach (var data in graph.Descendants(G + "data"))
        {
            var key = (string)data.Attribute("key")!;
            Assert.True(keys.TryGetValue(key, out var target), $"undeclared key {key}");
            Assert.Equal(data.Parent!.Name.LocalName, target);
        }

        // Node for node: exactly the entities that take part in a relation, with their name and type.
        var relations = samples.Snapshot.Relations;
        var expectedNodes = relations.SelectMany(r => new[] { r.SourceId, r.TargetId }).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedNodes.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        foreach (var entity in samples.Snapshot.Entities.Where(e => expectedNodes.Contains(e.Id)))
        {
            Assert.Equal(entity.Name, Data(nodes[entity.Id], "n_label"));
            Assert.Equal(entity.Type.ToString(), Data(nodes[entity.Id], "n_type"));
        }

        // Edge for edge: one per relation type and pair (an undirected pair in either order), weighted by documents.
        var expectedEdges = relations
            .GroupBy(r => samples.Context.Schema.TryGetRelation(r.Type, out var s) && !s.Directed
                ? (r.Type, Min(r.SourceId, r.TargetId), Max(r.SourceId, r.TargetId))
                : (r.Type, r.SourceId, r.TargetId))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expectedEdges.Count, edges.Count);
        foreach (var edge in edges)
        {
            var key = (Data(edge, "e_relation")!, (string)edge.Attribute("source")!, (string)edge.Attribute("target")!);
            Assert.True(expectedEdges.TryGetValue(key, out var facts), $"edge {key} has no stored relation");
            Assert.Equal(facts.Select(f => f.From.DocumentId).Distinct().Count(), int.Parse(Data(edge, "e_weight")!, CultureInfo.InvariantCulture));
            Assert.Equal(samples.Context.Schema.TryGetRelation(key.Item1, out var schema) && !schema.Directed ? "true" : "false", Data(edge, "e_undirected"));
            Assert.Null(edge.Attribute("directed"));
            Assert.All(facts, f => Assert.Contains(f.From.DocumentId, Data(edge, "e_documents")!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void GeoJson_is_an_rfc_7946_feature_collection_in_longitude_latitude_order()
    {
        using var json = JsonDocument.Parse(samples.Export(ExportFormat.GeoJson));
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _));
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            var geometry = feature.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var position = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(2, position.Count);
            Assert.InRange(position[0], -180, 180);
            Assert.InRange(position[1], -90, 90);
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
        }

        // Bamako is at 12.65 N, 8.0 W: longitude first.
        var bamako = features.Single(f => f.GetProperty("properties").GetProperty("kind").GetString() == "place"
            && f.GetProperty("properties").GetProperty("name").GetString() == "Bamako");
        var at = bamako.GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(at[0].GetDouble(), -8.1, -7.9);
        Assert.InRange(at[1].GetDouble(), 12.5, 12.8);

        var events = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "event").ToList();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var from = e.GetProperty("properties").GetProperty("provenance");
            var text = samples.Text(from.GetProperty("document").GetString()!);
            Assert.Equal(text[from.GetProperty("start").GetInt32()..from.GetProperty("end").GetInt32()].ReplaceLineEndings(" ").Trim(), from.GetProperty("evidence").GetString());
        }
    }

    private static readonly JsonSerializerOptions GeoJsonReader = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    [Fact]
    public void GeoJson_reads_back_in_an_independent_geojson_reader_feature_for_feature()
    {
        var bytes = samples.Export(ExportFormat.GeoJson);

        var collection = JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(bytes, GeoJsonReader);

        using var json = JsonDocument.Parse(bytes);
        var ours = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotNull(collection);
        Assert.Equal(ours.Count, collection.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var point = Assert.IsType<NetTopologySuite.Geometries.Point>(collection[i].Geometry);
            var position = ours[i].GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal((position[0].GetDouble(), position[1].GetDouble()), (point.X, point.Y));
            var names = ours[i].GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(names, collection[i].Attributes.GetNames().Order(StringComparer.Ordinal));
            Assert.Equal(ours[i].GetProperty("properties").GetProperty("kind").GetString(), collection[i].Attributes["kind"]?.ToString());
        }
    }

    [Fact]
    public void Json_lines_hold_every_kind_one_object_a_line_each_fact_with_provenance()
    {
        var lines = Encoding.UTF8.GetString(samples.Export(ExportFormat.JsonLines)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("header", objects[0].GetProperty("kind").GetString());
        Assert.Equal("utf16", objects[0].GetProperty("offsets").GetString());
        var kinds = objects.GroupBy(o => o.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(samples.Snapshot.Documents.Count, kinds["document"]);
        Assert.Equal(samples.Snapshot.Entities.Count, kinds["entity"]);
        Assert.Equal(samples.Snapshot.Relations.Count, kinds["relation"]);
        Assert.Equal(samples.Snapshot.Events.Count, kinds["event"]);
        Assert.Equal(samples.Snapshot.Claims.Count, kinds["claim"]);
        Assert.Equal(samples.Snapshot.Attributes.Count, kinds["attribute"]);
        Assert.Equal(samples.Snapshot.Quantities.Count, kinds["quantity"]);
        foreach (var fact in objects.Where(o => o.GetProperty("kind").GetString() is "relation" or "event" or "claim" or "attribute" or "quantity"))
        {
            var from = fact.GetProperty("provenance");
            var text = samples.Text(from.GetProperty("document").GetString()!);
            Assert.Equal(text[from.GetProperty("start").GetInt32()..from.GetProperty("end").GetInt32()].ReplaceLineEndings(" ").Trim(), from.GetProperty("evidence").GetString());
            Assert.False(string.IsNullOrEmpty(from.GetProperty("component").GetString()));
            Assert.InRange(from.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(from.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public void Acled_csv_has_the_codebook_columns_and_one_row_per_event()
    {
        var text = Encoding.UTF8.GetString(samples.Export(ExportFormat.Acled));
        var records = CsvDialect.Read(new StringReader(text)).ToList();
        Assert.All(records, r => Assert.Null(r.Problem));
        Assert.Equal(AcledColumns.All, records[0].Fields);
        var rows = records.Skip(1).Select(r => AcledColumns.All.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(samples.Snapshot.Events.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(AcledColumns.All.Count, r.Count));
        var coup = rows.First(r => r["tags"].Contains("harmattan_type=coup", StringComparison.Ordinal) && r["location"] == "Kati");
        Assert.Equal("Strategic developments", coup["event_type"]);
        Assert.Equal("Mali", coup["country"]);
        Assert.Equal("466", coup["iso"]);
        Assert.StartsWith("12.", coup["latitude"], StringComparison.Ordinal);
        Assert.Equal(rows.Count, rows.Select(r => r["event_id_cnty"]).Distinct().Count());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a, comma")]
    [InlineData("a \"quoted\" word")]
    [InlineData("two\nlines")]
    [InlineData("crlf\r\nand, \"all\"")]
    [InlineData("")]
    [InlineData("\"")]
    public void Csv_fields_survive_a_round_trip(string value)
    {
        var writer = new StringWriter();
        using (var csv = CsvDialect.Writer(writer))
        {
            CsvDialect.WriteRecord(csv, ["first", value, "last"]);
            CsvDialect.WriteRecord(csv, ["next", "row", "here"]);
        }

        var records = CsvDialect.Read(new StringReader(writer.ToString())).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(["first", value, "last"], records[0].Fields);
        Assert.Null(records[0].Problem);
        Assert.Equal(2 + value.Count(c => c == '\n'), records[1].Line);
    }

    [Fact]
    public void Csv_quotes_exactly_the_fields_that_need_it()
    {
        var writer = new StringWriter();
        using (var csv = CsvDialect.Writer(writer))
        {
            CsvDialect.WriteRecord(csv, ["Gao", "Kidal, Tessalit", "the \"Azawad\"", "one\ntwo", " padded ", null, "=1+2", "cr\r"]);
            CsvDialect.WriteRecord(csv, ["next"]);
        }

        Assert.Equal("Gao,\"Kidal, Tessalit\",\"the \"\"Azawad\"\"\",\"one\ntwo\", padded ,,=1+2,\"cr\r\"\r\nnext\r\n", writer.ToString());
    }

    [Theory]
    [InlineData("bad\"quote,x", "a quote inside an unquoted field")]
    [InlineData("\"closed\"then,x", "text after a closing quote")]
    [InlineData("x,\"never closed", "a quoted field opened on line 4 is never closed")]
    public void A_malformed_csv_record_is_named_by_the_line_it_starts_on_and_reading_goes_on(string bad, string problem)
    {
        var text = "h1,h2\r\n\"two\r\nlines\",1\r\n" + bad + "\r\nnext,2\nlast,3\r\n";
        var records = CsvDialect.Read(new StringReader(text)).ToList();
        Assert.Equal([1, 2, 4], records.Take(3).Select(r => r.Line));
        Assert.Equal(["two\r\nlines", "1"], records[1].Fields);
        Assert.Null(records[1].Problem);
        Assert.Equal(problem, records[2].Problem);
        if (problem.EndsWith("never closed", StringComparison.Ordinal))
        {
            // The quote takes the rest of the text: nothing comes after it.
            Assert.Equal(3, records.Count);
            return;
        }

        Assert.Equal(5, records.Count);
        Assert.Equal((5, null), (records[3].Line, records[3].Problem));
        Assert.Equal(["next", "2"], records[3].Fields);
        Assert.Equal((6, null), (records[4].Line, records[4].Problem));
        Assert.Equal(["last", "3"], records[4].Fields);
    }

    [Fact]
    public void Blank_lines_are_records_of_one_empty_field_and_keep_the_count()
    {
        var records = CsvDialect.Read(new StringReader("h\n\n\r\n\"a\nb\"\n\nz")).ToList();
        Assert.Equal([1, 2, 3, 4, 6, 7], records.Select(r => r.Line));
        Assert.Equal([false, true, true, false, true, false], records.Select(r => r.IsBlank));
        Assert.Equal("z", records[^1].Fields[0]);
    }

    [Fact]
    public void Everything_or_a_period_read_as_it_is_written_exports_what_a_held_snapshot_exports()
    {
        var coordinates = samples.Store.PlaceCoordinates()
            .ToDictionary(c => c.EntityId, c => new GeoPoint(c.Lat, c.Lon, c.Source), StringComparer.Ordinal);
        foreach (var period in new DatePeriod?[] { null, new(PartialDate.Parse("2012")), new(PartialDate.Parse("2013"), PartialDate.Parse("2015")) })
        {
            var filter = new ExportFilter(period);
            using var held = ExportSelection.From(samples.Snapshot, coordinates, filter);
            using var streamed = ExportSelection.From(samples.Store, filter);
            Assert.Equal(held.Counts, streamed.Counts);
            Assert.True(streamed.Counts.Events > 0, $"{period}: no event");
            foreach (var format in ExportFormat.All)
            {
                Assert.Equal(Write(format, held), Write(format, streamed));
            }
        }

        byte[] Write(ExportFormat format, ExportSelection selection)
        {
            using var buffer = new MemoryStream();
            new Exporter(samples.Context).Write(format, selection, buffer);
            return buffer.ToArray();
        }
    }

    /// <summary>A store of its own holding one report, published then, of an attack by MUJAO on Gao on another date.</summary>
    private KnowledgeStore OneAttack(string title, string text, PartialDate published, PartialDate date, out Harmattan.Store.Tests.Report built)
    {
        var store = samples.EmptyStore("attack-" + Guid.NewGuid().ToString("N"));
        var report = new Harmattan.Store.Tests.ReportBuilder(title, text, published);
        var mujao = report.Entity(EntityType.ArmedGroup, "MUJAO");
        var gao = report.Entity(EntityType.Place, "Gao");
        report.Event("attack", date, "attacked Gao", [gao], [mujao]);
        built = report.Build();
        store.Upsert(built.Document, built.Extraction);
        return store;
    }

    [Fact]
    public void A_period_export_carries_the_documents_of_its_events_wherever_they_are_dated()
    {
        using var store = OneAttack("Looking back on Gao", "MUJAO fighters attacked Gao in May 2014, residents recalled.", PartialDate.OfMonth(2016, 3), PartialDate.OfMonth(2014, 5), out var built);

        // Every format that writes events (GraphML writes relations).
        foreach (var format in ExportFormat.All.Where(f => f != ExportFormat.GraphMl))
        {
            using var selection = ExportSelection.From(store, new ExportFilter(new DatePeriod(PartialDate.Parse("2014"), PartialDate.Parse("2014"))));
            using var buffer = new MemoryStream();
            new Exporter(samples.Context).Write(format, selection, buffer);
            Assert.Equal(1, selection.Counts.Events);
            Assert.Equal(built.Id, Assert.Single(selection.Documents).Id);
            Assert.Contains("Gao", Encoding.UTF8.GetString(buffer.ToArray()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_acled_export_quotes_a_title_with_commas_quotes_and_newlines()
    {
        using var store = OneAttack("Gao, \"the gate\"\nof the north", "MUJAO fighters attacked Gao in February 2013. The attack was repelled.", PartialDate.OfMonth(2013, 2), PartialDate.OfMonth(2013, 2), out _);
        using var buffer = new MemoryStream();
        using (var selection = ExportSelection.From(store))
        {
            new Exporter(samples.Context).Write(ExportFormat.Acled, selection, buffer);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Contains(",\"Gao, \"\"the gate\"\"\nof the north\",", text, StringComparison.Ordinal);
        var records = CsvDialect.Read(new StringReader(text)).ToList();
        Assert.Equal(2, records.Count);
        var row = AcledColumns.All.Zip(records[1].Fields).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("Gao, \"the gate\"\nof the north", row["source"]);
        Assert.Equal("MUJAO fighters attacked Gao in February 2013.", row["notes"]);
        Assert.Equal("Violence against civilians", row["event_type"]);
        Assert.Equal("MUJAO", row["actor1"]);
        Assert.Equal("2", row["time_precision"]);
    }

    private static string? Data(XElement element, string key) =>
        element.Elements(G + "data").SingleOrDefault(d => (string)d.Attribute("key")! == key)?.Value;

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? b : a;
}
