using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// Users, API tokens and the audit log (migration 0005): tokens are stored hashed and shown once; every change
/// the store makes on someone's behalf writes one audit line in its own transaction, and a refused change none.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void Users_are_added_listed_and_disabled_and_a_name_is_never_reused()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        Assert.False(store.HasUsers());

        var amina = store.AddUser("amina", Role.Admin, null);
        store.AddUser("ibrahim", Role.Analyst, "amina");

        Assert.True(store.HasUsers());
        Assert.Equal((KnowledgeStore.LocalUser, Role.Admin, false), (amina.CreatedBy, amina.Role, amina.Disabled));
        Assert.Equal(["amina", "ibrahim"], store.ListUsers().Select(u => u.Name));
        Assert.Same(HarmattanError.UserExists, Assert.Throws<HarmattanException>(() => store.AddUser("amina", Role.Viewer, "amina")).Error);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.AddUser("two words", Role.Viewer, "amina")).Error);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => KnowledgeStore.ParseRole("owner")).Error);

        var disabled = store.DisableUser("ibrahim", "amina");

        Assert.Equal(("amina", true), (disabled.DisabledBy, disabled.Disabled));
        Assert.True(store.ListUsers().Single(u => u.Name == "ibrahim").Disabled);
        Assert.Same(HarmattanError.UserNotFound, Assert.Throws<HarmattanException>(() => store.DisableUser("nobody", "amina")).Error);
        Assert.Same(HarmattanError.UserExists, Assert.Throws<HarmattanException>(() => store.AddUser("ibrahim", Role.Viewer, "amina")).Error);
        Assert.Equal(
            [("local", "user.add", "amina"), ("amina", "user.add", "ibrahim"), ("amina", "user.disable", "ibrahim")],
            store.ListAudit(oldestFirst: true).Entries.Select(e => (e.By, e.Action, e.Subject)));
    }

    [Fact]
    public void A_token_is_stored_hashed_authenticates_its_user_and_stops_when_revoked_or_its_user_is_disabled()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        store.AddUser("amina", Role.Analyst, "root");
        store.AddUser("moussa", Role.Viewer, "root");

        var issued = store.IssueToken("amina", "laptop", "root");
        var other = store.IssueToken("moussa", null, "root");

        Assert.StartsWith("hrm_", issued.Secret, StringComparison.Ordinal);
        Assert.NotEqual(issued.Secret, other.Secret);
        var stored = string.Join("\n", Fixture.Contents(location).Values.SelectMany(rows => rows));
        Assert.DoesNotContain(issued.Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret[4..], stored, StringComparison.Ordinal);

        Assert.Equal(new Principal("amina", Role.Analyst, issued.Token.Id), store.Authenticate(issued.Secret));
        Assert.Equal(Role.Viewer, store.Authenticate(other.Secret)!.Role);
        Assert.NotNull(store.ListTokens("amina").Single().LastUsedAt);
        Assert.Null(store.Authenticate("hrm_" + new string('A', 43)));
        Assert.Null(store.Authenticate(issued.Secret[..^1]));
        Assert.Null(store.Authenticate(""));
        Assert.Same(HarmattanError.UserNotFound, Assert.Throws<HarmattanException>(() => store.IssueToken("nobody", null, "root")).Error);
        Assert.Same(HarmattanError.TokenNotFound, Assert.Throws<HarmattanException>(() => store.RevokeToken("tok_000000000000", "root")).Error);

        var revoked = store.RevokeToken(issued.Token.Id, "root");
        Assert.True(revoked.Revoked);
        Assert.Null(store.Authenticate(issued.Secret));

        store.DisableUser("moussa", "root");
        Assert.Null(store.Authenticate(other.Secret));
        Assert.Same(HarmattanError.UserNotFound, Assert.Throws<HarmattanException>(() => store.IssueToken("moussa", null, "root")).Error);
        Assert.Equal([issued.Token.Id, other.Token.Id], store.ListTokens().Select(t => t.Id));
        Assert.Equal(
            ["token.issue", "token.issue", "token.revoke"],
            store.ListAudit(new AuditFilter(Action: "token"), oldestFirst: true).Entries.Select(e => e.Action));
    }

    [Fact]
    public void Every_change_writes_one_audit_line_with_who_and_a_refused_or_idle_one_writes_none()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction, "amina");
        store.Upsert(kidal.Document, kidal.Extraction);
        Assert.Equal(IngestOutcome.Unchanged, store.Upsert(gao.Document, gao.Extraction, "amina"));
        var relation = gao.Extraction.Relations.Single(r => r.Type == "offshoot_of");
        var review = store.Review(new ReviewRequest(new FactRef(FactKind.Relation, gao.Id, relation.Id), ReviewAction.Reject, null, "ibrahim"), TheSchema);
        store.UndoReview(review.Id, "amina");
        var split = store.SplitDocument("MNLA", gao.Id, "ibrahim");
        store.UndoChange(split.Id, "ibrahim");
        store.Reextract(gao.Document, gao.Extraction, "moussa");
        var imported = ImportedRow("Clashes near the airport.", 3);
        store.StoreImported(Record(), imported.Document, imported.Extraction, "moussa");

        var before = Fixture.Fingerprint(location);
        Assert.Throws<HarmattanException>(() => store.UndoReview(review.Id, "amina"));
        Assert.Throws<HarmattanException>(() => store.MergeEntities("MNLA", "Gao", "amina"));
        Assert.Equal(before, Fixture.Fingerprint(location));

        var (entries, total) = store.ListAudit(oldestFirst: true);
        Assert.Equal(8, total);
        Assert.Equal(
            [
                ("amina", "ingest", gao.Id), ("local", "ingest", kidal.Id), ("ibrahim", "review", review.Id),
                ("amina", "review.undo", review.Id), ("ibrahim", "split", split.Id), ("ibrahim", "change.undo", split.Id),
                ("moussa", "reextract", gao.Id), ("moussa", "import", imported.Id),
            ],
            entries.Select(e => (e.By, e.Action, e.Subject)));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Detail)));
        Assert.Contains("reject relation:", entries[2].Detail, StringComparison.Ordinal);
        Assert.Equal(entries.Select(e => e.Seq).Reverse(), store.ListAudit().Entries.Select(e => e.Seq));

        Assert.Equal(2, store.ListAudit(new AuditFilter(Action: "review")).Total);
        Assert.Equal(1, store.ListAudit(new AuditFilter(Action: "review.undo")).Total);
        Assert.Equal(3, store.ListAudit(new AuditFilter(By: "ibrahim")).Total);
        Assert.Equal(0, store.ListAudit(new AuditFilter(Since: DateTimeOffset.UtcNow.AddHours(1))).Total);
        Assert.Equal(8, store.ListAudit(new AuditFilter(Since: DateTimeOffset.UtcNow.AddHours(-1))).Total);
        var page = store.ListAudit(new AuditFilter(), offset: 2, limit: 3);
        Assert.Equal((8, 3), (page.Total, page.Entries.Count));
        Assert.Equal(entries[5].Seq, page.Entries[0].Seq);
    }

    [Fact]
    public void A_merge_is_audited_in_its_own_transaction()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var kidal = SahelReports.Kidal();
        var (_, report) = DefendersOfTheFaith();
        store.Upsert(kidal.Document, kidal.Extraction);
        store.Upsert(report.Document, report.Extraction);

        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");

        var line = store.ListAudit(new AuditFilter(Action: "merge")).Entries.Single();
        Assert.Equal(("amina", merge.Id), (line.By, line.Subject));
        Assert.Contains("Defenders of the Faith", line.Detail, StringComparison.Ordinal);
    }
}
