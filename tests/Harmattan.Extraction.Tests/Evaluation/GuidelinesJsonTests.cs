using System.Text;
using System.Text.Json;
using Harmattan.Extraction.Output;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>The contract JSON writer and reader on an extraction built by hand from text we wrote.</summary>
public sealed class GuidelinesJsonTests
{
    private const string Text =
        "Report 🙂 from Gao. The National Movement for the Liberation of Azawad (MNLA) seized Kidal on 30 March 2012. " +
        "Rudolph Atallah said that the MNLA had split from Ansar Dine. " +
        "Some 300 fighters of Ansar Dine then entered Tombouctou, according to Atallah, while the Société Générale closed.";

    [Fact]
    public void Written_json_parses_back_to_the_contract_view()
    {
        var extraction = Build();
        var bytes = GuidelinesJson.ToUtf8Bytes("doc1", "Untangling Mali", PartialDate.OfMonth(2012, 4), extraction);
        using var json = JsonDocument.Parse(bytes);

        Assert.Equal(GuidelinesDocument.From(extraction), GuidelinesDocument.Parse(json.RootElement));
    }

    [Fact]
    public void Local_ids_follow_first_mentions_and_references_use_them()
    {
        var doc = GuidelinesDocument.From(Build());

        Assert.Equal(["E1", "E2", "E3", "E4", "E5", "E6", "E7"], doc.Entities.Select(e => e.Id));
        Assert.Equal(["Gao", "National Movement for the Liberation of Azawad", "Kidal", "Rudolph Atallah", "Ansar Dine", "Tombouctou", "Société Générale"],
            doc.Entities.Select(e => e.Name));
        Assert.Equal(new GuidelinesClaim("E4", "said", "the MNLA had split from Ansar Dine"), doc.Claims[0]);
        Assert.Equal(new GuidelinesRelation("offshoot_of", "E2", "E5"), Assert.Single(doc.Relations));
        Assert.Equal(new GuidelinesEvent("takeover", "2012-03-30", ["E3"], ["E2"]), Assert.Single(doc.Events));
    }

    [Fact]
    public void Output_is_deterministic_and_keeps_non_ascii_text()
    {
        var a = GuidelinesJson.ToUtf8Bytes("doc1", "Untangling Mali", null, Build());
        var b = GuidelinesJson.ToUtf8Bytes("doc1", "Untangling Mali", null, Build());

        Assert.Equal(a, b);
        var text = Encoding.UTF8.GetString(a);
        Assert.Contains("Société Générale", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_written_span_slices_the_text_to_the_item_s_surface()
    {
        using var json = JsonDocument.Parse(GuidelinesJson.ToUtf8Bytes("doc1", "Untangling Mali", PartialDate.OfDay(2012, 4, 2), Build()));
        var root = json.RootElement;

        Assert.Equal("utf16", root.GetProperty("offsets").GetString());
        var document = root.GetProperty("document");
        Assert.Equal("doc1", document.GetProperty("id").GetString());
        Assert.Equal("2012-04-02", document.GetProperty("published").GetString());

        var checkedSpans = 0;
        foreach (var e in root.GetProperty("entities").EnumerateArray())
        {
            var surfaces = e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Append(e.GetProperty("name").GetString()).ToList();
            Assert.Contains(Slice(e.GetProperty("span")), surfaces);
            Assert.NotEmpty(e.GetProperty("mentions").EnumerateArray());
            foreach (var m in e.GetProperty("mentions").EnumerateArray())
            {
                Assert.Contains(Slice(m), surfaces);
                checkedSpans++;
            }

            Assert.True(e.GetProperty("confidence").GetDouble() is > 0 and <= 1);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("component").GetString()));
        }

        foreach (var c in root.GetProperty("claims").EnumerateArray())
        {
            Assert.Equal(c.GetProperty("text").GetString(), Slice(c.GetProperty("content")));
            Assert.Contains(c.GetProperty("cue").GetString()!, Slice(c.GetProperty("span")), StringComparison.Ordinal);
            checkedSpans++;
        }

        foreach (var q in root.GetProperty("quantities").EnumerateArray())
        {
            Assert.Equal(q.GetProperty("text").GetString(), Slice(q.GetProperty("span")));
            Assert.Equal(300m, q.GetProperty("value").GetDecimal());
            checkedSpans++;
        }

        Assert.Equal("MNLA", root.GetProperty("entities")[1].GetProperty("registry_id").GetString());
        Assert.False(root.GetProperty("entities")[0].TryGetProperty("registry_id", out _));
        Assert.True(checkedSpans >= 10);
    }

    [Fact]
    public void A_fact_about_an_unknown_entity_is_an_invalid_extraction()
    {
        var extraction = Build();
        var broken = extraction with { Relations = [.. extraction.Relations, extraction.Relations[0] with { Id = "rel-x", TargetId = "ent-missing" }] };

        var e = Assert.Throws<HarmattanException>(() => GuidelinesDocument.From(broken));
        Assert.Equal(HarmattanError.InvalidExtraction, e.Error);
        Assert.Contains("ent-missing", e.Message, StringComparison.Ordinal);
    }

    private static string Slice(JsonElement span) => Text[span[0].GetInt32()..span[1].GetInt32()];

    private static TextSpan At(string surface, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = Text.IndexOf(surface, start + 1, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' #{occurrence} not in the text");
        }

        return new TextSpan(start, start + surface.Length);
    }

    private static Evidence Ev(TextSpan span, string component = "test/1", double confidence = 0.9) =>
        new("doc1", span, component, confidence);

    private static Mention Mention(string entityId, TextSpan span) => new(entityId, span, span.Of(Text), Ev(span));

    // Entities are listed out of text order on purpose: local ids must follow first mentions.
    private static DocumentExtraction Build()
    {
        var mnla = At("National Movement for the Liberation of Azawad");
        var entities = new List<Entity>
        {
            new("ent-atallah", EntityType.Person, "Rudolph Atallah", ["Atallah"], null, Ev(At("Rudolph Atallah"))),
            new("ent-mnla", EntityType.ArmedGroup, "National Movement for the Liberation of Azawad", ["MNLA"], "MNLA", Ev(mnla, "mentions.registry/1", 1.0)),
            new("ent-ansar", EntityType.ArmedGroup, "Ansar Dine", [], null, Ev(At("Ansar Dine"))),
            new("ent-gao", EntityType.Place, "Gao", [], null, Ev(At("Gao"))),
            new("ent-kidal", EntityType.Place, "Kidal", [], null, Ev(At("Kidal"))),
            new("ent-timbuktu", EntityType.Place, "Tombouctou", [], null, Ev(At("Tombouctou"))),
            new("ent-sg", EntityType.Organization, "Société Générale", [], null, Ev(At("Société Générale"))),
        };
        var mentions = new List<Mention>
        {
            Mention("ent-mnla", mnla), Mention("ent-mnla", At("MNLA")), Mention("ent-mnla", At("MNLA", 1)),
            Mention("ent-atallah", At("Rudolph Atallah")), Mention("ent-atallah", At("Atallah", 1)),
            Mention("ent-ansar", At("Ansar Dine")), Mention("ent-ansar", At("Ansar Dine", 1)),
            Mention("ent-gao", At("Gao")), Mention("ent-kidal", At("Kidal")), Mention("ent-timbuktu", At("Tombouctou")),
            Mention("ent-sg", At("Société Générale")),
        };
        var said = At("Rudolph Atallah said that the MNLA had split from Ansar Dine.");
        var according = At("Some 300 fighters of Ansar Dine then entered Tombouctou, according to Atallah");
        var claims = new List<Claim>
        {
            new("clm-2", "ent-atallah", "according to", "Some 300 fighters of Ansar Dine then entered Tombouctou",
                At("Some 300 fighters of Ansar Dine then entered Tombouctou"), ["ent-ansar"], Ev(according)),
            new("clm-1", "ent-atallah", "said", "the MNLA had split from Ansar Dine",
                At("the MNLA had split from Ansar Dine"), ["ent-mnla", "ent-ansar"], Ev(said)),
        };
        var relations = new List<Relation> { new("rel-1", "offshoot_of", "ent-mnla", "ent-ansar", null, Ev(said, "relations.cue/1", 0.6)) };
        var seized = At("The National Movement for the Liberation of Azawad (MNLA) seized Kidal on 30 March 2012");
        var events = new List<Event> { new("evt-1", "takeover", PartialDate.OfDay(2012, 3, 30), ["ent-kidal"], ["ent-mnla"], Ev(seized, "events.trigger/1", 0.7)) };
        var quantities = new List<Quantity> { new("qty-1", 300m, "fighters", "Some 300 fighters", true, Ev(At("Some 300 fighters"), "quantities/1", 0.8)) };
        return new DocumentExtraction(entities, mentions, claims, relations, events, quantities, []);
    }
}
