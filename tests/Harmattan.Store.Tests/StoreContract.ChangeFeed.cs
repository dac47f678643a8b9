using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// The change feed read from the audit log: which entities each kind of write changes, what changes everything, and
/// that a write made through another connection (another process) is seen.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void The_change_feed_names_the_entities_of_a_stored_document_and_of_a_reviewed_fact()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        Assert.Equal(0, store.LatestAuditLine());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var stored = store.LatestAuditLine();

        var ingest = store.ChangesSince(0);
        Assert.Equal((stored, false), (ingest.Latest, ingest.Everything));
        Assert.Equal(
            ["AQIM", "Adnan Abu Walid al-Sahrawi", "Ansongo", "Gao", "MNLA", "MUJAO"],
            ingest.Entities.Select(id => store.ResolveEntity(id).Name).Order(StringComparer.Ordinal));
        Assert.Equal((stored, false, 0), (store.ChangesSince(stored).Latest, store.ChangesSince(stored).Everything, store.ChangesSince(stored).Entities.Count));

        // A claim changes its speaker and what it is about; its undo the same again; nothing else of the document.
        var claim = gao.Extraction.Claims.Single(c => c.Cue == "said" && c.AboutIds.Count == 2);
        var review = store.Review(new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, claim.Id), ReviewAction.Reject, null, "amina"), TheSchema);
        store.UndoReview(review.Id, "amina");
        var reviewed = store.ChangesSince(stored);
        Assert.Equal((stored + 2, false), (reviewed.Latest, reviewed.Everything));
        Assert.Equal(["Adnan Abu Walid al-Sahrawi", "Gao", "MUJAO"], reviewed.Entities.Select(id => store.ResolveEntity(id).Name).Order(StringComparer.Ordinal));

        // A relation changes its two ends, an event its actors and places, an attribute its entity and speaker.
        Assert.Equal(["AQIM", "MUJAO"], ChangedBy(FactKind.Relation, gao.Extraction.Relations.Single(r => r.Type == "offshoot_of").Id));
        Assert.Equal(["Gao", "MNLA", "MUJAO"], ChangedBy(FactKind.Event, gao.Extraction.Events.Single().Id));
        Assert.Equal(["Adnan Abu Walid al-Sahrawi", "MUJAO"], ChangedBy(FactKind.Attribute, gao.Extraction.Attributes.Single(a => a.Name == "goal").Id));

        // Another connection's write (the CLI beside a server) is read the same way.
        using (var other = Fixture.Open(location))
        {
            var kidal = SahelReports.Kidal();
            other.Upsert(kidal.Document, kidal.Extraction);
        }

        var before = store.LatestAuditLine();
        var elsewhere = store.ChangesSince(before - 1);
        Assert.False(elsewhere.Everything);
        Assert.Contains("MNLA", elsewhere.Entities.Select(id => store.ResolveEntity(id).Name));

        string[] ChangedBy(FactKind kind, string factId)
        {
            var from = store.LatestAuditLine();
            store.Review(new ReviewRequest(new FactRef(kind, gao.Id, factId), ReviewAction.Confirm, null, "amina"), TheSchema);
            var changes = store.ChangesSince(from);
            Assert.False(changes.Everything);
            return [.. changes.Entities.Select(id => store.ResolveEntity(id).Name).Order(StringComparer.Ordinal)];
        }
    }

    [Fact]
    public void A_merge_changes_everything_and_a_team_change_changes_nothing()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var stored = store.LatestAuditLine();

        store.AddUser("amina", Role.Analyst, null);
        var team = store.ChangesSince(stored);
        Assert.Equal((stored + 1, false, 0), (team.Latest, team.Everything, team.Entities.Count));

        store.MergeEntities(store.ResolveEntity("MUJAO").Id, store.ResolveEntity("AQIM").Id, "amina");
        var merge = store.ChangesSince(team.Latest);
        Assert.Equal((team.Latest + 1, true), (merge.Latest, merge.Everything));

        // So does a correction, which may point a fact at any entity.
        var claim = gao.Extraction.Claims.Single(c => c.Cue == "said" && c.AboutIds.Count == 2);
        store.Review(
            new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, claim.Id), ReviewAction.Correct, new Dictionary<string, string?> { ["speaker"] = "MNLA" }, "amina"),
            TheSchema);
        Assert.True(store.ChangesSince(merge.Latest).Everything);
    }

    [Fact]
    public void The_team_changes_after_a_line_are_users_added_or_disabled_and_tokens_issued_or_revoked_by_any_connection()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        Assert.Equal(new TeamChanges(0, false), store.TeamChangesSince(0));
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var stored = store.LatestAuditLine();
        Assert.Equal(new TeamChanges(stored, false), store.TeamChangesSince(0));
        Assert.Equal(new TeamChanges(stored, false), store.TeamChangesSince(stored));

        using (var other = Fixture.Open(location))
        {
            other.AddUser("amina", Role.Analyst, null);
        }

        var added = store.TeamChangesSince(stored);
        Assert.Equal(new TeamChanges(stored + 1, true), added);
        Assert.Equal(new TeamChanges(stored + 1, false), store.TeamChangesSince(added.Latest));

        var token = store.IssueToken("amina", null, null);
        var claim = gao.Extraction.Claims[0];
        store.Review(new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, claim.Id), ReviewAction.Confirm, null, "amina"), TheSchema);
        Assert.Equal(new TeamChanges(stored + 3, true), store.TeamChangesSince(added.Latest));
        Assert.Equal(new TeamChanges(stored + 3, false), store.TeamChangesSince(stored + 2));

        store.RevokeToken(token.Token.Id, "amina");
        Assert.True(store.TeamChangesSince(stored + 3).Changed);
        store.DisableUser("amina", null);
        Assert.Equal(new TeamChanges(stored + 5, true), store.TeamChangesSince(stored + 4));
    }
}
