namespace Harmattan.Ingest.Tests;

/// <summary>
/// Issue 4's target: after ingesting every dev report (read at run time from ../shared/eval/dev beside
/// the repository, never copied) and the sample reports, each of MNLA, AQIM, Ansar Dine, MUJAO and
/// Iyad Ag Ghaly is one entity, whichever spelling a report used.
/// </summary>
public sealed class DevSetResolutionTests : IDisposable
{
    private static readonly string DevFolder = Path.GetFullPath(Path.Combine(IngestedStore.RepositoryRoot(), "..", "shared", "eval", "dev"));

    private readonly IngestedStore _kb = new(
        [.. Directory.EnumerateFiles(DevFolder, "*.txt").Order(StringComparer.Ordinal),
         Path.Combine(IngestedStore.RepositoryRoot(), "samples", "reports")]);

    public void Dispose() => _kb.Dispose();

    [Theory]
    [InlineData("MNLA", "National Movement for the Liberation of Azawad", "Mouvement national pour la libération de l'Azawad")]
    [InlineData("AQIM", "Al-Qaeda in the Islamic Maghreb", "al-Qa'ida in the Islamic Maghreb", "AQMI")]
    [InlineData("Ansar Dine", "Ansar Eddine", "Ansar al-Din", "Ançar Dine")]
    [InlineData("MUJAO", "MOJWA", "Movement for Oneness and Jihad in West Africa", "Movement for Unity and Jihad in West Africa")]
    [InlineData("Iyad Ag Ghaly", "Iyad ag Ghali", "Iyad Ag Ghali")]
    public void Each_target_actor_is_one_entity(params string[] spellings)
    {
        Assert.All(_kb.Results, r => Assert.Equal(IngestStatus.Added, r.Status));
        var ids = _kb.EntitiesNamed(spellings);
        Assert.Single(ids);
        // Named by more than one report, all through that one entity.
        var documents = _kb.Store.ListDocuments(limit: 1000)
            .Count(d => _kb.Store.GetDocument(d.Id).Extraction.Entities.Any(e => e.Id == ids.Single()));
        Assert.True(documents >= 2, $"{spellings[0]} is named by {documents} document(s)");
    }
}
