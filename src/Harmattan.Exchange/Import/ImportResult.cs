namespace Harmattan.Exchange.Import;

/// <summary>A record the importer did not store, with where it is (line, or STIX id) and why.</summary>
public sealed record ImportProblem(int? Line, string? RecordId, string Message)
{
    public string Where(string file) => Line is int line ? $"{file}:{line}" : RecordId is null ? file : $"{file} ({RecordId})";
}

/// <summary>
/// What an import did: records added, unchanged (already stored as they are) and replaced (a newer
/// version of a stored record); <see cref="Malformed"/> records that could not be read (skipped, the rest
/// imported) and <see cref="Ignored"/> ones that are well formed but have nothing Harmattan keeps (a STIX
/// malware object, a relationship type with no Harmattan equivalent).
/// </summary>
public sealed record ImportResult(
    string File,
    string Format,
    int Added,
    int Unchanged,
    int Replaced,
    IReadOnlyList<ImportProblem> Malformed,
    IReadOnlyList<ImportProblem> Ignored)
{
    public int Stored => Added + Unchanged + Replaced;
}

/// <summary>Counts outcomes while an importer runs.</summary>
internal sealed class ImportTally(string file, string format)
{
    private int _added;
    private int _unchanged;
    private int _replaced;

    public List<ImportProblem> Malformed { get; } = [];

    public List<ImportProblem> Ignored { get; } = [];

    public void Count(Harmattan.Store.ImportOutcome outcome)
    {
        switch (outcome)
        {
            case Harmattan.Store.ImportOutcome.Added:
                _added++;
                break;
            case Harmattan.Store.ImportOutcome.Unchanged:
                _unchanged++;
                break;
            default:
                _replaced++;
                break;
        }
    }

    public ImportResult Result() => new(file, format, _added, _unchanged, _replaced, Malformed, Ignored);
}
