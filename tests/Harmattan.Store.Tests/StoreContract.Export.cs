using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// The read exports are written from (<see cref="KnowledgeRead"/>): facts streamed row by row in document date
/// order with their members and evidence, the same as a held snapshot, rejected facts left out.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void An_export_read_streams_each_fact_with_its_members_and_evidence_in_document_date_order()
    {
        using var store = DatedStore();
        // A character beyond the Basic Multilingual Plane before the evidence: two UTF-16 units, one code point.
        var emoji = new ReportBuilder("Emoji", "\U0001F6A8 Alert. AQIM said the MNLA was weak at Kidal.", PartialDate.OfDay(2011, 6, 1));
        var aqim = emoji.Entity(EntityType.ArmedGroup, "AQIM");
        var mnla = emoji.Entity(EntityType.ArmedGroup, "MNLA");
        emoji.Claim(aqim, "said", "the MNLA was weak at Kidal", mnla);
        emoji.Quantity(1, null, "Alert", false);
        var early = emoji.Build();
        store.Upsert(early.Document, early.Extraction);
        var rejected = Dated(3).Extraction.Relations[0];
        store.Review(new ReviewRequest(new FactRef(FactKind.Relation, Dated(3).Id, rejected.Id), ReviewAction.Reject, null, "amina"), TheSchema);

        var snapshot = store.ReadSnapshot();
        var read = store.ReadForExport();

        // Documents by date: the emoji report of 2011 first, then the seven days of January 2012.
        Assert.Equal(["Emoji", "Report 0", "Report 1", "Report 2", "Report 3", "Report 4", "Report 5", "Report 6"], read.Documents.Select(d => d.Title));
        var order = read.Documents.Select(d => d.Id).ToList();

        // Facts in their documents' order, read again at each enumeration, as the snapshot holds them.
        var relations = read.Facts.Relations.ToList();
        Assert.Equal(6, relations.Count);
        Assert.DoesNotContain(relations, r => r.From.DocumentId == Dated(3).Id);
        Assert.Equal(relations.Select(r => order.IndexOf(r.From.DocumentId)).Order(), relations.Select(r => order.IndexOf(r.From.DocumentId)));
        Assert.Equal(relations, read.Facts.Relations.ToList());
        Assert.Equal(snapshot.Relations, relations);
        Assert.Equal(snapshot.Claims.Select(c => (c.Id, c.From.DocumentId)), read.Facts.Claims.Select(c => (c.Id, c.From.DocumentId)));

        // Unsourced: the same facts without their evidence, for a pass that counts them.
        Assert.Equal(relations.Select(r => (r.Id, r.From.DocumentId)).Order(), read.Unsourced.Relations.Select(r => (r.Id, r.From.DocumentId)).Order());
        Assert.Equal(snapshot.Events.Count, read.Unsourced.Events.Count());
        Assert.All(read.Unsourced.Claims, c => Assert.Equal("", c.From.Evidence));

        // Members in their stored order.
        var attack = read.Facts.Events.First();
        Assert.Equal([ReportBuilder.EntityId(EntityType.ArmedGroup, "MNLA"), ReportBuilder.EntityId(EntityType.ArmedGroup, "AQIM")], attack.ActorIds);
        Assert.Equal([ReportBuilder.EntityId(EntityType.Place, "Gao")], attack.PlaceIds);
        Assert.Equal("Fighting between the MNLA and AQIM broke out near Gao on day 0.", attack.From.Evidence);

        // Evidence cut by UTF-16 offsets past the emoji.
        var claim = read.Facts.Claims.First();
        Assert.Equal(early.Id, claim.From.DocumentId);
        Assert.Equal([mnla], claim.AboutIds);
        Assert.Equal("AQIM said the MNLA was weak at Kidal.", claim.From.Evidence);
        Assert.Equal(early.Document.Text[claim.From.Span.Start..claim.From.Span.End], claim.From.Evidence);
        Assert.Equal("Alert", Assert.Single(read.Facts.Quantities).From.Evidence);
        Assert.Equal(8, read.Entities.Single(e => e.Id == mnla).From.Count);

        // The read holds the store's transaction until disposed.
        read.Dispose();

        // Narrowed to the documents naming an entity: Ansar Dine is in the seven reports of January, not in the emoji one.
        using var narrowed = store.ReadForExport([ReportBuilder.EntityId(EntityType.ArmedGroup, "Ansar Dine")]);
        Assert.Equal(order.Skip(1), narrowed.Documents.Select(d => d.Id));
        Assert.Equal(7, narrowed.Facts.Claims.Count(c => c.SpeakerId == mnla));
    }
}
