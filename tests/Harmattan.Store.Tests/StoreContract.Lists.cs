using System.Globalization;
using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// The lists hosts page through (<c>/api/claims</c>, <c>/api/relations</c>, the <c>claims</c> verb): for every
/// combination of filters, the pages are the whole list the same filter reads, newest document first, with its
/// total and whether more follow; rejected facts are left out of both.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    /// <summary>
    /// The dates of the listed reports: every precision a document date has (and none: the day it was
    /// ingested), each starting on its own day, stored out of date order.
    /// </summary>
    private static readonly PartialDate?[] ListedDates =
    [
        PartialDate.OfDay(2012, 10, 3),
        PartialDate.OfYear(2012),
        PartialDate.OfDay(2011, 12, 20),
        null,
        PartialDate.OfMonth(2012, 6),
        PartialDate.OfDay(2013, 2, 1),
        PartialDate.OfYears(2010, 2013),
        PartialDate.OfDay(2012, 9, 15),
        PartialDate.OfDay(2012, 11, 30),
    ];

    private static readonly DatePeriod?[] ListedPeriods =
    [
        null,
        // Starts late in a year: the reports dated by 2012 and by 2010–2013 are in it, the one dated June 2012 is not.
        new(PartialDate.OfMonth(2012, 10)),
        new(PartialDate.OfDay(2012, 6, 15), PartialDate.OfDay(2012, 6, 20)),
        new(null, PartialDate.OfMonth(2012, 9)),
    ];

    private static Report Listed(int n)
    {
        var r = new ReportBuilder(
            $"Listed {n}",
            $"The MNLA said the road to Kidal was open in report {n}. AQIM said the MNLA was weak in report {n}. "
            + $"Iyad Ag Ghaly said Gao would fall in report {n}. The MNLA said AQIM held Gao in report {n}. "
            + $"The MNLA cooperates with Ansar Dine in report {n}. AQIM opposes the MNLA in report {n}. "
            + $"Iyad Ag Ghaly leads Ansar Dine in report {n}.",
            ListedDates[n]);
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var ghaly = r.Entity(EntityType.Person, "Iyad Ag Ghaly");
        var gao = r.Entity(EntityType.Place, "Gao");
        var kidal = r.Entity(EntityType.Place, "Kidal");
        r.Claim(mnla, "said", $"the road to Kidal was open in report {n}", kidal);
        r.Claim(aqim, "said", $"the MNLA was weak in report {n}", mnla);
        r.Claim(ghaly, "said", $"Gao would fall in report {n}", gao);
        r.Claim(mnla, "said", $"AQIM held Gao in report {n}", aqim, gao);
        r.Relation("cooperates_with", mnla, ansarDine, $"cooperates with Ansar Dine in report {n}");
        r.Relation("opposes", aqim, mnla, $"opposes the MNLA in report {n}");
        r.Relation("leads", ghaly, ansarDine, $"leads Ansar Dine in report {n}");
        return r.Build();
    }

    /// <summary>The listed reports, with a claim of the report dated 2012 and one of another, and a relation, rejected.</summary>
    private KnowledgeStore ListedStore()
    {
        var store = Fixture.Open(Fixture.NewLocation());
        var reports = Enumerable.Range(0, ListedDates.Length).Select(Listed).ToList();
        foreach (var report in reports)
        {
            store.Upsert(report.Document, report.Extraction);
        }

        var year = reports[1];
        var november = reports[8];
        var october = reports[0];
        foreach (var fact in new[]
                 {
                     new FactRef(FactKind.Claim, year.Id, year.Extraction.Claims[0].Id),
                     new FactRef(FactKind.Claim, november.Id, november.Extraction.Claims[1].Id),
                     new FactRef(FactKind.Relation, october.Id, october.Extraction.Relations[1].Id),
                 })
        {
            store.Review(new ReviewRequest(fact, ReviewAction.Reject, null, "amina"), TheSchema);
        }

        return store;
    }

    [Fact]
    public void Claim_pages_are_the_whole_list_newest_first_for_every_filter()
    {
        using var store = ListedStore();
        EntityRef?[] speakers = [null, store.ResolveEntity("MNLA"), store.ResolveEntity("AQIM")];
        EntityRef?[] subjects = [null, store.ResolveEntity("Gao"), store.ResolveEntity("MNLA"), store.ResolveEntity("AQIM")];
        var rejected = 0;

        foreach (var speaker in speakers)
        {
            foreach (var about in subjects)
            {
                foreach (var period in ListedPeriods)
                {
                    var filter = new ClaimFilter(speaker, about, period);
                    // The whole list is in date order and each report starts on its own day: newest first is its reverse.
                    var whole = store.FindClaims(filter).Reverse().ToList();
                    var label = $"claims by {speaker?.Name ?? "anyone"} about {about?.Name ?? "anything"} {period ?? DatePeriod.Always}";
                    AssertPages(label, whole.Select(ClaimKey).ToList(), (offset, limit) => store.ClaimsPage(filter, offset, limit), ClaimKey);
                    rejected += whole.Count(c => c.Text is "the road to Kidal was open in report 1" or "the MNLA was weak in report 8");
                }
            }
        }

        Assert.Equal(0, rejected);
        var all = store.ClaimsPage(null, 0, 3);
        Assert.Equal(ListedDates.Length * 4 - 2, all.Total);
        Assert.Equal(["Listed 3", "Listed 3", "Listed 3"], all.Items.Select(c => c.From.Title));
        var late = store.ClaimsPage(new ClaimFilter(Period: ListedPeriods[1]), 0, 50);
        Assert.Equal(
            ["Listed 3", "Listed 5", "Listed 8", "Listed 0", "Listed 1", "Listed 6"],
            late.Items.Select(c => c.From.Title).Distinct());
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ClaimsPage(null, 0, KnowledgeStore.MaxPageSize + 1)).Error);
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ClaimsPage(null, -1, 3)).Error);
    }

    [Fact]
    public void Relation_pages_are_the_whole_list_newest_first_for_every_filter()
    {
        using var store = ListedStore();
        EntityRef?[] parties = [null, store.ResolveEntity("MNLA"), store.ResolveEntity("Ansar Dine"), store.ResolveEntity("Gao")];
        string[]?[] types = [null, ["cooperates_with", "leads"], ["opposes", "opposes"]];
        EntityType[]?[] kinds = [null, [EntityType.ArmedGroup]];

        AssertAll("");
        Assert.Equal(ListedDates.Length * 3 - 1, store.RelationsPage(null, null, 0, 1).Total);

        // A rejected entity takes its relations out of every page.
        store.Review(new ReviewRequest(new FactRef(FactKind.Entity, null, store.ResolveEntity("Ansar Dine").Id), ReviewAction.Reject, null, "amina"), TheSchema);
        AssertAll("after rejecting Ansar Dine: ");
        Assert.Equal(ListedDates.Length - 1, store.RelationsPage(null, null, 0, 1).Total);
        Assert.Equal(0, store.RelationsPage(null, store.ResolveEntity("Ansar Dine"), 0, 1).Total);

        void AssertAll(string when)
        {
            foreach (var party in parties)
            {
                foreach (var typed in types)
                {
                    foreach (var kind in kinds)
                    {
                        foreach (var period in ListedPeriods)
                        {
                            var filter = new RelationFilter(period, typed, kind);
                            var whole = store.FindRelations(filter).Reverse().ToList();
                            if (party is not null)
                            {
                                // An entity's relations are ordered by day, then the other party, then newest written.
                                whole = whole
                                    .Where(r => r.Source.Id == party.Id || r.Target.Id == party.Id)
                                    .OrderByDescending(r => r.From.Date.Earliest)
                                    .ThenByDescending(r => r.Source.Id == party.Id ? r.Target.Id : r.Source.Id, StringComparer.Ordinal)
                                    .ToList();
                            }

                            var label = string.Create(
                                CultureInfo.InvariantCulture,
                                $"{when}relations of {party?.Name ?? "anyone"}, types {string.Join('+', typed ?? [])}, kinds {string.Join('+', kind ?? [])}, {period ?? DatePeriod.Always}");
                            Assert.DoesNotContain(whole, r => r.Type == "opposes" && r.From.Title == "Listed 0");
                            AssertPages(label, whole.Select(RelationKey).ToList(), (offset, limit) => store.RelationsPage(filter, party, offset, limit), RelationKey);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The pages <paramref name="page"/> reads hold <paramref name="expected"/> in order, read whole or two at a
    /// time, each with the whole list's total and whether more follow; a page past the end is empty.
    /// </summary>
    private static void AssertPages<T>(string label, List<string> expected, Func<int, int, FactPage<T>> page, Func<T, string> key)
    {
        var whole = page(0, KnowledgeStore.MaxPageSize);
        Assert.Equal(expected.Select(k => $"{label}: {k}"), whole.Items.Select(i => $"{label}: {key(i)}"));
        Assert.Equal($"{label}: {expected.Count} False False", $"{label}: {whole.Total} {whole.TotalIsLowerBound} {whole.More}");

        var paged = new List<string>();
        for (var offset = 0; offset < expected.Count; offset += 2)
        {
            var two = page(offset, 2);
            paged.AddRange(two.Items.Select(key));
            Assert.Equal($"{label} at {offset}: {expected.Count} {offset + 2 < expected.Count}", $"{label} at {offset}: {two.Total} {two.More}");
        }

        Assert.Equal(expected.Select(k => $"{label}: {k}"), paged.Select(k => $"{label}: {k}"));
        var beyond = page(expected.Count + 1, 2);
        Assert.Empty(beyond.Items);
        Assert.Equal($"{label} beyond: {expected.Count} False", $"{label} beyond: {beyond.Total} {beyond.More}");
    }

    private static string ClaimKey(ClaimFact c) =>
        $"{c.From.Title} {c.Speaker.Name} {c.Cue}: {c.Text} (about {string.Join(", ", c.About.Select(a => a.Name))}) [{c.From.Evidence}]";

    private static string RelationKey(RelationFact r) => $"{r.From.Title} {r.Source.Name} {r.Type} {r.Target.Name} [{r.From.Evidence}]";
}
