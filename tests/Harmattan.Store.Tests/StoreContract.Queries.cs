using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// The analyst queries a page at a time: each profile section newest first with its total, the timeline in
/// date order within a period, totals that stop counting at <see cref="KnowledgeStore.CountLimit"/>, the
/// statements a network reads and whether there were more, and evidence sliced by UTF-16 offsets whatever
/// characters precede it.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    /// <summary>Stored out of date order, so that "newest first" cannot come from the order of writing.</summary>
    private static readonly int[] DatedOrder = [3, 0, 6, 1, 5, 2, 4];

    /// <summary>
    /// Report n (published 2012-01-0(n+1)): the MNLA speaks and is spoken of, cooperates with Ansar Dine, fights
    /// AQIM near Gao on the day, and gives its strength.
    /// </summary>
    private static Report Dated(int n)
    {
        var r = new ReportBuilder(
            $"Report {n}",
            $"The MNLA said the road to Kidal was open on day {n}. "
            + $"AQIM said the MNLA was weak on day {n}. "
            + $"The MNLA cooperates with Ansar Dine on day {n}. "
            + $"Fighting between the MNLA and AQIM broke out near Gao on day {n}. "
            + $"The MNLA has {n + 1}000 fighters.",
            PartialDate.OfDay(2012, 1, n + 1));
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var gao = r.Entity(EntityType.Place, "Gao");
        r.Claim(mnla, "said", $"the road to Kidal was open on day {n}");
        r.Claim(aqim, "said", $"the MNLA was weak on day {n}", mnla);
        r.Relation("cooperates_with", mnla, ansarDine, $"cooperates with Ansar Dine on day {n}");
        r.Event("attack", PartialDate.OfDay(2012, 1, n + 1), $"broke out near Gao on day {n}", [gao], [mnla, aqim]);
        r.Property(mnla, "strength", $"{n + 1}000", $"{n + 1}000 fighters");
        return r.Build();
    }

    private KnowledgeStore DatedStore()
    {
        var store = Fixture.Open(Fixture.NewLocation());
        foreach (var n in DatedOrder)
        {
            var report = Dated(n);
            store.Upsert(report.Document, report.Extraction);
        }

        return store;
    }

    [Fact]
    public void Each_profile_section_lists_the_newest_first_a_page_at_a_time_with_its_total()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");

        var profile = store.GetActorProfile(mnla, limit: 3);

        string[] newest = ["Report 6", "Report 5", "Report 4"];
        Assert.Equal(newest, profile.NamedIn.Items.Select(d => d.Title));
        Assert.Equal(newest, profile.ClaimsBy.Items.Select(c => c.From.Title));
        Assert.Equal(newest, profile.ClaimsAbout.Items.Select(c => c.From.Title));
        Assert.Equal(newest, profile.Relations.Items.Select(r => r.From.Title));
        Assert.Equal(newest, profile.Events.Items.Select(e => e.From.Title));
        Assert.Equal(newest, profile.Attributes.Items.Select(a => a.From.Title));
        foreach (var page in new[] { Total(profile.NamedIn), Total(profile.ClaimsBy), Total(profile.ClaimsAbout), Total(profile.Relations), Total(profile.Events), Total(profile.Attributes) })
        {
            Assert.Equal((7L, false, true), page);
        }

        Assert.Equal(7, profile.Documents);
        Assert.Equal(PartialDate.OfDay(2012, 1, 1), profile.FirstSeen);
        Assert.Equal(PartialDate.OfDay(2012, 1, 7), profile.LastSeen);
        Assert.Equal(5, profile.NamedIn.Items[0].Mentions);
        Assert.Equal("the road to Kidal was open on day 6", profile.ClaimsBy.Items[0].Text);
        Assert.Equal("The MNLA said the road to Kidal was open on day 6.", profile.ClaimsBy.Items[0].From.Evidence);
        Assert.Equal([mnla], profile.ClaimsAbout.Items[0].About);
        Assert.Equal(["AQIM", "MNLA"], profile.Events.Items[0].Actors.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Gao", Assert.Single(profile.Events.Items[0].Places).Name);

        var middle = store.ClaimsAbout(mnla, 3, 3);
        var last = store.ClaimsAbout(mnla, 6, 3);
        var beyond = store.ClaimsAbout(mnla, 9, 3);
        var events = store.GetProfileSection(mnla, ProfileSection.Events, 3, 3);

        Assert.Equal(["Report 3", "Report 2", "Report 1"], middle.Items.Select(c => c.From.Title));
        Assert.True(middle.More);
        Assert.Equal("Report 0", Assert.Single(last.Items).From.Title);
        Assert.False(last.More);
        Assert.Empty(beyond.Items);
        Assert.Equal(7, beyond.Total);
        Assert.False(beyond.More);
        Assert.Equal(["Report 3", "Report 2", "Report 1"], events.Items.Cast<EventFact>().Select(e => e.From.Title));
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ClaimsBy(mnla, 0, KnowledgeStore.MaxPageSize + 1)).Error);
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ClaimsBy(mnla, -1, 3)).Error);

        static (long, bool, bool) Total<T>(FactPage<T> page) => (page.Total, page.TotalIsLowerBound, page.More);
    }

    [Fact]
    public void A_search_with_more_matches_than_its_window_lists_the_newest_first_unranked()
    {
        using var store = DatedStore();
        var titles = DatedOrder.ToDictionary(n => Dated(n).Id, n => $"Report {n}");

        // Seven reports and seven claims name the MNLA: within a window of seven they are ranked.
        var ranked = store.Search("MNLA", 50, 7);
        Assert.True(ranked.Ranked);
        Assert.Equal(7, ranked.Count(h => h.Kind == SearchHitKind.Document));
        Assert.Equal(7, ranked.Count(h => h.Kind == SearchHitKind.Claim));
        Assert.All(ranked, h => Assert.True(h.Score > 0));
        Assert.True(store.Search("MNLA").Ranked);

        // With a window of six they are listed by when their reports were stored, newest first, each report
        // before its claim, unscored; the limit cuts the list.
        var newest = store.Search("MNLA", 50, 6);
        Assert.False(newest.Ranked);
        string[] stored = [.. DatedOrder.Reverse().Select(n => $"Report {n}")];
        Assert.Equal(stored.SelectMany(t => new[] { (SearchHitKind.Document, t), (SearchHitKind.Claim, t) }), newest.Select(h => (h.Kind, titles[h.DocumentId])));
        Assert.All(newest, h => Assert.Equal(0, h.Score));
        var first = store.Search("MNLA", 3, 6);
        Assert.Equal(newest.Take(3).Select(h => (h.Kind, h.DocumentId, h.ClaimId)), first.Select(h => (h.Kind, h.DocumentId, h.ClaimId)));

        // A narrower query is ranked within the same window.
        Assert.True(store.Search("\"on day 3\"", 50, 6).Ranked);
    }

    [Fact]
    public void Words_beside_typographic_quotes_apostrophes_dashes_and_guillemets_are_found()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var report = new ReportBuilder(
            "Ménaka — a “JNIM” raid",
            "Fighters of the Islamic State’s Sahel branch left Ménaka… A resident said: «Nous restons». The raid by "
            + "al\u2011Qaeda’s affiliate – JNIM – followed. Each fighter was paid 500€ → the chief kept 100€.",
            PartialDate.OfDay(2022, 3, 1)).Build();
        store.Upsert(report.Document, report.Extraction);

        string[] found = ["\"Islamic State\"", "\"State’s Sahel\"", "Ménaka", "raid", "Nous", "restons", "\"al-Qaeda\"", "\"al Qaeda\"", "affiliate", "JNIM", "“JNIM”", "Fighters", "500", "\"500€ the chief\""];
        Assert.All(found, query => Assert.Equal(report.Document.Id, Assert.Single(store.Search(query)).DocumentId));
        Assert.Empty(store.Search("\"State Sahel\""));

        // A phrase is marked as one span in the snippet, its words each when searched as words.
        Assert.Contains("[[Islamic State]]’s", Assert.Single(store.Search("\"Islamic State\"")).Snippet, StringComparison.Ordinal);
        Assert.Contains("[[Islamic]] [[State]]’s", Assert.Single(store.Search("Islamic State")).Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void The_facts_of_the_newest_documents_are_those_the_whole_lists_hold_for_the_documents_stored_last()
    {
        using var store = DatedStore();
        // Stored last: reports 2 and 4 (DatedOrder), whatever their dates.
        var newest = DatedOrder[^2..].Select(n => Dated(n).Id).ToHashSet(StringComparer.Ordinal);
        var five = Dated(5);
        var rejected = five.Extraction.Claims.Single(c => c.SpeakerId == SahelReports.Aqim);
        store.Review(new ReviewRequest(new FactRef(FactKind.Claim, five.Id, rejected.Id), ReviewAction.Reject, null, "amina"), TheSchema);

        var two = store.FactsOfNewestDocuments(2);
        Assert.True(two.Older);
        Assert.Equal(Keys(store.FindRelations().Where(r => newest.Contains(r.From.DocumentId))), Keys(two.Relations));
        Assert.Equal(Keys(store.FindAttributes().Where(a => newest.Contains(a.From.DocumentId))), Keys(two.Attributes));
        Assert.Equal(Keys(store.FindClaims().Where(c => newest.Contains(c.From.DocumentId))), Keys(two.Claims));
        Assert.Equal(4, two.Claims.Count);
        Assert.Equal(["Report 2", "Report 4"], two.Relations.Select(r => r.From.Title));

        var all = store.FactsOfNewestDocuments(DatedOrder.Length);
        Assert.False(all.Older);
        Assert.Equal(Keys(store.FindRelations()), Keys(all.Relations));
        Assert.Equal(Keys(store.FindAttributes()), Keys(all.Attributes));
        Assert.Equal(Keys(store.FindClaims()), Keys(all.Claims));
        Assert.Equal(13, all.Claims.Count);

        var narrowed = store.FactsOfNewestDocuments(2, ["opposes"], ["founded"]);
        Assert.Empty(narrowed.Relations);
        Assert.Empty(narrowed.Attributes);
        Assert.Equal(4, narrowed.Claims.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.FactsOfNewestDocuments(0));

        static List<string> Keys(IEnumerable<object> facts) => facts.Select(f => f.ToString()!).ToList();
    }

    [Fact]
    public void Rejected_facts_and_relations_with_a_rejected_party_leave_the_pages_and_their_totals()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");
        var five = Dated(5);
        var claim = five.Extraction.Claims.Single(c => c.SpeakerId == SahelReports.Mnla);
        var about = five.Extraction.Claims.Single(c => c.SpeakerId == SahelReports.Aqim);
        var attack = Assert.Single(five.Extraction.Events);

        foreach (var (kind, id) in new[] { (FactKind.Claim, claim.Id), (FactKind.Claim, about.Id), (FactKind.Event, attack.Id) })
        {
            store.Review(new ReviewRequest(new FactRef(kind, five.Id, id), ReviewAction.Reject, null, "amina"), TheSchema);
        }

        var profile = store.GetActorProfile(mnla, limit: 3);

        string[] newest = ["Report 6", "Report 4", "Report 3"];
        Assert.Equal(newest, profile.ClaimsBy.Items.Select(c => c.From.Title));
        Assert.Equal(newest, profile.ClaimsAbout.Items.Select(c => c.From.Title));
        Assert.Equal(newest, profile.Events.Items.Select(e => e.From.Title));
        Assert.Equal((6, 6, 6), (profile.ClaimsBy.Total, profile.ClaimsAbout.Total, profile.Events.Total));
        Assert.Equal(7, profile.Relations.Total);

        store.Review(new ReviewRequest(new FactRef(FactKind.Entity, null, SahelReports.AnsarDine), ReviewAction.Reject, null, "amina"), TheSchema);

        var relations = store.ActorRelations(mnla, 0, 3);
        Assert.Empty(relations.Items);
        Assert.Equal(0, relations.Total);
        Assert.False(relations.More);
        Assert.Empty(store.RelationStatementsAround([mnla], null, 10)[0].Items);
    }

    [Fact]
    public void Totals_stop_counting_at_the_limit_and_say_it_is_a_lower_bound()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var count = KnowledgeStore.CountLimit + 3;
        var text = string.Concat(Enumerable.Range(0, count).Select(i => $"Kidal said claim {i:D5} holds. "));
        var r = new ReportBuilder("Many claims", text, PartialDate.OfYear(2013));
        var kidal = r.Entity(EntityType.Place, "Kidal");
        for (var i = 0; i < count; i++)
        {
            r.Claim(kidal, "said", $"claim {i:D5} holds");
        }

        var report = r.Build();
        store.Upsert(report.Document, report.Extraction);

        var page = store.ClaimsBy(store.ResolveEntity("Kidal"), 0, 5);
        var end = store.ClaimsBy(store.ResolveEntity("Kidal"), count - 2, 5);

        Assert.Equal(5, page.Items.Count);
        Assert.True(page.TotalIsLowerBound);
        Assert.Equal(KnowledgeStore.CountLimit, page.Total);
        Assert.True(page.More);
        Assert.Equal(2, end.Items.Count);
        Assert.False(end.More);
        Assert.Equal(count, end.Total);
    }

    [Fact]
    public void The_timeline_pages_in_date_order_within_a_period_and_counts_what_the_period_holds()
    {
        using var store = DatedStore();
        var r = new ReportBuilder(
            "A long war",
            "The war between the MNLA and the army lasted from 2010 to 2013. The MNLA held Menaka in 2014.",
            PartialDate.OfYear(2015));
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var menaka = r.Entity(EntityType.Place, "Menaka");
        r.Event("battle", PartialDate.OfYears(2010, 2013), "lasted from 2010 to 2013", [], [mnla]);
        r.Event("takeover", PartialDate.OfYear(2014), "held Menaka in 2014", [menaka], [mnla]);
        var war = r.Build();
        store.Upsert(war.Document, war.Extraction);
        var actor = store.ResolveEntity("MNLA");
        var january = new DatePeriod(PartialDate.OfDay(2012, 1, 3), PartialDate.OfDay(2012, 1, 5));

        var all = store.TimelinePage(new EventFilter(Actor: actor), 0, 4);
        var next = store.TimelinePage(new EventFilter(Actor: actor), 4, 4);
        var inJanuary = store.TimelinePage(new EventFilter(Actor: actor, Period: january), 0, 10);
        var at = store.TimelinePage(new EventFilter(Place: store.ResolveEntity("Menaka")), 0, 10);
        var whole = store.TimelinePage(new EventFilter(Period: january), 0, 10);
        var takeovers = store.TimelinePage(new EventFilter(Actor: actor, Types: ["takeover"]), 0, 10);

        // The war (2010-2013) starts first; January 2012 day by day; then 2014.
        Assert.Equal(["2010/2013", "2012-01-01", "2012-01-02", "2012-01-03"], all.Items.Select(e => e.Date.ToIso()));
        Assert.Equal((9L, true), (all.Total, all.More));
        Assert.Equal(["2012-01-04", "2012-01-05", "2012-01-06", "2012-01-07"], next.Items.Select(e => e.Date.ToIso()));
        Assert.Equal(["2010/2013", "2012-01-03", "2012-01-04", "2012-01-05"], inJanuary.Items.Select(e => e.Date.ToIso()));
        Assert.Equal((4L, false), (inJanuary.Total, inJanuary.More));
        Assert.Equal("2014", Assert.Single(at.Items).Date.ToIso());
        Assert.Equal(inJanuary.Items.Select(e => e.Id), whole.Items.Select(e => e.Id));
        Assert.Equal(4, whole.Total);
        Assert.Equal("takeover", Assert.Single(takeovers.Items).Type);
        Assert.Equal(
            store.Timeline(new EventFilter(Actor: actor)).Select(e => e.Id),
            all.Items.Concat(next.Items).Concat(store.TimelinePage(new EventFilter(Actor: actor), 8, 4).Items).Select(e => e.Id));
    }

    [Fact]
    public void The_timeline_read_latest_first_is_the_timeline_reversed_page_by_page()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");
        var january = new DatePeriod(PartialDate.OfDay(2012, 1, 3), PartialDate.OfDay(2012, 1, 5));
        EventFilter[] filters =
        [
            new(), new(Actor: mnla), new(Place: store.ResolveEntity("Gao")), new(Period: january), new(Actor: mnla, Period: january),
        ];

        foreach (var filter in filters)
        {
            var inOrder = store.Timeline(filter).Select(e => e.Id).ToList();
            var pages = new List<FactPage<EventFact>> { store.TimelinePage(filter, 0, 3, latestFirst: true) };
            while (pages[^1].More)
            {
                pages.Add(store.TimelinePage(filter, pages.Count * 3, 3, latestFirst: true));
            }

            Assert.True(inOrder.Count > 2, $"{filter}: {inOrder.Count} events");
            Assert.Equal(Enumerable.Reverse(inOrder), pages.SelectMany(p => p.Items).Select(e => e.Id));
            Assert.All(pages, p => Assert.Equal(inOrder.Count, p.Total));
        }
    }

    [Fact]
    public void The_documents_naming_an_entity_within_a_period_are_counted_with_the_first_and_the_last()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");
        var naming = store.DocumentsNaming(mnla, 0, 100).Items;
        var january = new DatePeriod(PartialDate.OfDay(2012, 1, 3), PartialDate.OfDay(2012, 1, 5));
        var within = naming.Where(d => january.Overlaps(d.Date)).ToList();

        var always = store.DocumentsNamingIn(mnla, DatePeriod.Always);
        var inJanuary = store.DocumentsNamingIn(mnla, january);
        var before = store.DocumentsNamingIn(mnla, new DatePeriod(Until: PartialDate.OfYear(2011)));

        Assert.Equal((7L, false, naming[^1], naming[0]), (always.Documents, always.DocumentsIsLowerBound, always.First, always.Last));
        Assert.Equal(3, within.Count);
        Assert.Equal((3L, within[^1], within[0]), (inJanuary.Documents, inJanuary.First, inJanuary.Last));
        Assert.Equal(new NamingSpan(0, false, null, null), before);
    }

    [Fact]
    public void Documents_give_their_addresses_to_citations()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var linked = Dated(1);
        var unlinked = Dated(2);
        store.Upsert(linked.Document with { Url = "https://example.org/report-1" }, linked.Extraction);
        store.Upsert(unlinked.Document, unlinked.Extraction);

        var urls = store.DocumentUrls([linked.Id, unlinked.Id, linked.Id, "no-such-document"]);

        Assert.Equal(new Dictionary<string, string> { [linked.Id] = "https://example.org/report-1" }, urls);
    }

    [Fact]
    public void A_corrected_event_date_moves_the_event_in_its_actors_pages()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");
        var zero = Dated(0);

        store.Review(
            new ReviewRequest(new FactRef(FactKind.Event, zero.Id, zero.Extraction.Events[0].Id), ReviewAction.Correct,
                new Dictionary<string, string?> { ["date"] = "2013-05" }, "amina"),
            TheSchema);

        Assert.Equal("2013-05", store.ActorEvents(mnla, 0, 1).Items[0].Date.ToIso());
        Assert.Equal("2012-01-02", store.TimelinePage(new EventFilter(Actor: mnla), 0, 1).Items[0].Date.ToIso());
        Assert.Equal("2013-05", store.TimelinePage(new EventFilter(Place: store.ResolveEntity("Gao"), Period: new DatePeriod(PartialDate.OfYear(2013))), 0, 5).Items.Single().Date.ToIso());
    }

    [Fact]
    public void A_network_reads_each_actors_newest_statements_up_to_a_limit_and_says_when_there_were_more()
    {
        using var store = DatedStore();
        var mnla = store.ResolveEntity("MNLA");
        var ansarDine = store.ResolveEntity("Ansar Dine");

        var around = store.RelationStatementsAround([mnla, ansarDine], null, 3);
        var all = store.RelationStatementsAround([mnla], null, 10);
        var recent = store.RecentRelationStatements(null, 2);
        var period = store.RelationStatementsAround([mnla], new RelationFilter(new DatePeriod(PartialDate.OfDay(2012, 1, 2), PartialDate.OfDay(2012, 1, 3))), 10);
        var other = store.RelationStatementsAround([mnla], new RelationFilter(Types: ["opposes"]), 10);

        Assert.Equal(2, around.Count);
        Assert.All(around, batch => Assert.True(batch.More));
        Assert.Equal([Dated(6).Id, Dated(5).Id, Dated(4).Id], around[0].Items.Select(s => s.DocumentId));
        Assert.Equal(around[0].Items, around[1].Items);
        Assert.Equal((mnla, ansarDine, "cooperates_with"), (around[0].Items[0].Source, around[0].Items[0].Target, around[0].Items[0].Type));
        Assert.Equal(7, all[0].Items.Count);
        Assert.False(all[0].More);
        Assert.Equal([Dated(6).Id, Dated(5).Id], recent.Items.Select(s => s.DocumentId));
        Assert.True(recent.More);
        Assert.Equal([Dated(2).Id, Dated(1).Id], period[0].Items.Select(s => s.DocumentId));
        Assert.Empty(other[0].Items);
    }

    [Fact]
    public void A_document_dated_by_its_year_is_in_a_period_that_starts_within_that_year()
    {
        using var store = DatedStore();
        var r = new ReportBuilder("A year", "In 2011 the MNLA cooperates with Ansar Dine again.", PartialDate.OfYear(2011));
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        r.Relation("cooperates_with", mnla, ansarDine, "cooperates with Ansar Dine again");
        var year = r.Build();
        store.Upsert(year.Document, year.Extraction);

        var summer = store.RelationStatementsAround([store.ResolveEntity("MNLA")], new RelationFilter(new DatePeriod(PartialDate.OfMonth(2011, 6), PartialDate.OfMonth(2011, 8))), 10);
        var listed = store.FindRelations(new RelationFilter(new DatePeriod(PartialDate.OfMonth(2011, 6))));

        Assert.Equal(year.Id, Assert.Single(summer[0].Items).DocumentId);
        Assert.Equal(8, listed.Count);
    }

    [Theory]
    [InlineData("Plain text before the sentence. ", "The MNLA said Kidal was calm.")]
    [InlineData("Math 𝔸𝔹ℂ and emoji 😀😀 before it. ", "The MNLA said Kidal was calm.")]
    [InlineData("Nothing odd before. ", "The MNLA said Kidal 🏜️ was calm 𝔸.")]
    [InlineData("𐌰𐌱 Gothic and 😀. ", "The MNLA said Kidal was 𝕔𝕒𝕝𝕞 😀.")]
    public void Evidence_is_the_text_between_its_utf16_offsets_whatever_characters_come_before(string before, string sentence)
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var text = before + sentence + " After 😀 it.";
        var r = new ReportBuilder("Odd characters", text, PartialDate.OfDay(2014, 2, 3));
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var content = sentence["The MNLA said ".Length..^1];
        r.Claim(mnla, "said", content);
        r.Event("attack", PartialDate.OfDay(2014, 2, 1), content, [], [mnla]);
        r.Property(mnla, "goal", "calm", content);
        var report = r.Build();
        store.Upsert(report.Document, report.Extraction);
        var entity = store.ResolveEntity("MNLA");

        var profile = store.GetActorProfile(entity);
        var fromList = store.FindClaims(new ClaimFilter(Speaker: entity)).Single();

        var expected = report.Extraction.Claims[0].Evidence.Span;
        Assert.Equal(sentence, text[expected.Start..expected.End]);
        foreach (var source in new[] { profile.ClaimsBy.Items[0].From, profile.Events.Items[0].From, profile.Attributes.Items[0].From, fromList.From })
        {
            Assert.Equal(sentence, source.Evidence);
            Assert.Equal((expected.Start, expected.End), (source.EvidenceStart, source.EvidenceEnd));
        }

        // The document is marked as leaving the BMP (every text here ends with an emoji), as check verifies.
        Assert.Empty(store.CheckConsistency());
    }
}
