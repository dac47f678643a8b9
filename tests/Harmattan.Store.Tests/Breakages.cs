using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store.Tests;

/// <summary>Ways an extraction can fail to fit its document, each applied to a good report.</summary>
public static class Breakages
{
    public static TheoryData<string> All => new()
    {
        "third claim's content span ends past the text",
        "third claim's speaker is not an extracted entity",
        "third claim is about an entity that was not extracted",
        "a mention points at an entity that was not extracted",
        "a relation's target was not extracted",
        "an event's place was not extracted",
        "two claims share an id",
        "evidence of a quantity lies past the text",
        "a property's entity was not extracted",
        "a property's speaker was not extracted",
        "two properties share an id",
    };

    internal static DocumentExtraction Apply(Report report, string breakage)
    {
        var x = report.Extraction;
        var textLength = report.Document.Text.Length;
        var third = x.Claims[2];
        return breakage switch
        {
            "third claim's content span ends past the text" =>
                x with { Claims = [x.Claims[0], x.Claims[1], third with { ContentSpan = new TextSpan(third.ContentSpan.Start, textLength + 7) }] },
            "third claim's speaker is not an extracted entity" =>
                x with { Claims = [x.Claims[0], x.Claims[1], third with { SpeakerId = "ent_ghost" }] },
            "third claim is about an entity that was not extracted" =>
                x with { Claims = [x.Claims[0], x.Claims[1], third with { AboutIds = [SahelReports.Aqim, SahelReports.AnsarDine] }] },
            "a mention points at an entity that was not extracted" =>
                x with { Mentions = [.. x.Mentions, x.Mentions[^1] with { EntityId = SahelReports.AnsarDine }] },
            "a relation's target was not extracted" =>
                x with { Relations = [x.Relations[0] with { TargetId = "ent_ghost" }] },
            "an event's place was not extracted" =>
                x with { Events = [x.Events[0] with { PlaceIds = ["ent_timbuktu"] }] },
            "two claims share an id" =>
                x with { Claims = [x.Claims[0], x.Claims[1], third with { Id = x.Claims[0].Id }] },
            "evidence of a quantity lies past the text" =>
                x with { Quantities = [x.Quantities[0] with { Evidence = x.Quantities[0].Evidence with { Span = new TextSpan(textLength - 3, textLength + 1) } }] },
            "a property's entity was not extracted" =>
                x with { Attributes = [x.Attributes[0] with { EntityId = "ent_ghost" }, x.Attributes[1]] },
            "a property's speaker was not extracted" =>
                x with { Attributes = [x.Attributes[0], x.Attributes[1] with { SpeakerId = SahelReports.AnsarDine }] },
            "two properties share an id" =>
                x with { Attributes = [x.Attributes[0], x.Attributes[1] with { Id = x.Attributes[0].Id }] },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage), breakage),
        };
    }

}
